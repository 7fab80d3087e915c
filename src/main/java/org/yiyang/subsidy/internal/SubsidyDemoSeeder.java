package org.yiyang.subsidy.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yiyang.assessment.AbilityLevel;
import org.yiyang.elder.ElderCategory;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.DemoSeeder;
import org.yiyang.shared.DemoSettings;
import org.yiyang.shared.RegionLevel;
import org.yiyang.subsidy.Eligibility;
import org.yiyang.subsidy.RecomputeSummary;

/**
 * The demo city's own rules (the city's copy of the defaults, and one county that also gives the
 * old-age allowance from 75), then every elder evaluated. Runs after the elders (300) and
 * assessments.
 */
@Component
class SubsidyDemoSeeder implements DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(SubsidyDemoSeeder.class);
    private static final Set<ElderCategory> HARDSHIP = EnumSet.of(ElderCategory.ECONOMIC_HARDSHIP,
            ElderCategory.SUBSISTENCE_ALLOWANCE, ElderCategory.EXTREME_POVERTY);

    private final EligibilityRepository repository;
    private final RegionDirectory regions;
    private final Eligibility eligibility;

    SubsidyDemoSeeder(EligibilityRepository repository, RegionDirectory regions, Eligibility eligibility) {
        this.repository = repository;
        this.regions = regions;
        this.eligibility = eligibility;
    }

    @Override
    public int order() {
        return 700;
    }

    @Override
    public void seed(DemoSettings settings) {
        Region city = regions.ofLevel(RegionLevel.CITY).getFirst();
        String c = city.code().prefix();
        for (EligibilityRule r : List.of(
                rule(c, "OLD_AGE_ALLOWANCE", 80, Set.of(), null),
                rule(c, "SERVICE_SUBSIDY", null, HARDSHIP, null),
                rule(c, "CARE_SUBSIDY", null, HARDSHIP, AbilityLevel.MODERATE),
                rule(c, "CONSUMPTION_VOUCHER", null, Set.of(), AbilityLevel.MODERATE))) {
            repository.saveRule(r, null, "demo");
        }
        List<Region> counties = regions.children(city.code());
        if (counties.size() > 1) {
            repository.saveRule(rule(counties.get(1).code().prefix(), "OLD_AGE_ALLOWANCE", 75, Set.of(), null), null, "demo");
        }
        RecomputeSummary s = eligibility.recomputeAll();
        log.info("Demo eligibility: {} elders evaluated in {} ms", s.elders(), s.millis());
    }

    private static EligibilityRule rule(String prefix, String benefit, Integer minAge, Set<ElderCategory> categories, AbilityLevel level) {
        return new EligibilityRule(prefix, benefit, true, minAge, categories, level, 0, "demo", null);
    }
}
