package org.yiyang.identity.internal;

import org.springframework.stereotype.Component;
import org.yiyang.identity.NewUser;
import org.yiyang.identity.Role;
import org.yiyang.identity.UserAccounts;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.DemoSeeder;
import org.yiyang.shared.DemoSettings;
import org.yiyang.shared.RegionLevel;

/**
 * The bureau's demo logins: {@code city}, {@code county}, {@code operator}, and the two ability
 * assessors {@code assessor} and {@code assessor2} (the whole city, like the operator). The provider, caregiver
 * and family logins are made by the provider and elder seeders, which know whom they point at.
 */
@Component
class IdentityDemoSeeder implements DemoSeeder {

    static final String DEMO_PASSWORD = "demo";

    private final UserAccounts accounts;
    private final RegionDirectory regions;

    IdentityDemoSeeder(UserAccounts accounts, RegionDirectory regions) {
        this.accounts = accounts;
        this.regions = regions;
    }

    @Override
    public int order() {
        return 150;
    }

    @Override
    public void seed(DemoSettings settings) {
        Region city = regions.ofLevel(RegionLevel.CITY).getFirst();
        Region county = regions.ofLevel(RegionLevel.COUNTY).getFirst();
        accounts.create(new NewUser("city", DEMO_PASSWORD, city.name() + "民政局 · 监管员",
                Role.BUREAU_SUPERVISOR, DataScope.region(city.code().prefix())));
        accounts.create(new NewUser("county", DEMO_PASSWORD, county.name() + "民政局 · 监管员",
                Role.BUREAU_SUPERVISOR, DataScope.region(county.code().prefix())));
        accounts.create(new NewUser("operator", DEMO_PASSWORD, "热线坐席 · 调度员",
                Role.OPERATOR, DataScope.region(city.code().prefix())));
        accounts.create(new NewUser("assessor", DEMO_PASSWORD, "评估员 · 张敏",
                Role.ASSESSOR, DataScope.region(city.code().prefix())));
        accounts.create(new NewUser("assessor2", DEMO_PASSWORD, "评估员 · 李娟",
                Role.ASSESSOR, DataScope.region(city.code().prefix())));
    }
}
