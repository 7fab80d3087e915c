package org.yiyang.region.internal;

import org.springframework.stereotype.Component;
import org.yiyang.shared.DemoSeeder;
import org.yiyang.shared.DemoSettings;

/** Seeds the demo city's division tree (the same tree for the default and the large city). */
@Component
class RegionDemoSeeder implements DemoSeeder {

    private final RegionService regions;

    RegionDemoSeeder(RegionService regions) {
        this.regions = regions;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void seed(DemoSettings settings) {
        regions.addAll(new DemoCityGenerator(settings.random("region")).generate());
    }
}
