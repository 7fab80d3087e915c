package org.yiyang.coverage.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.DemoSeeder;
import org.yiyang.shared.DemoSettings;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.RegionLevel;

/**
 * The demo city's candidate sites: in every street and township, three buildings the bureau could
 * use — vacant community rooms, a former school, a village committee's spare floor — in random
 * communities of it, a few hundred metres from the community's centre. Deterministic for the seed.
 */
@Component
class CandidateSiteDemoSeeder implements DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(CandidateSiteDemoSeeder.class);
    static final int PER_TOWN = 3;
    private static final String[] URBAN = {"%s党群服务中心二楼", "%s闲置办公用房", "原%s幼儿园", "%s物业用房", "%s沿街商铺（闲置）"};
    private static final String[] VILLAGE = {"%s村委会闲置用房", "原%s小学校舍", "%s村卫生室旧址", "%s村集体仓库"};
    private static final String[] NOTES = {"产权属社区，可无偿使用", "需改造，有无障碍坡道", "一层，临街，便于老人进出", "二层无电梯，需加装", null, null};

    private final CandidateSiteRepository sites;
    private final RegionDirectory regions;

    CandidateSiteDemoSeeder(CandidateSiteRepository sites, RegionDirectory regions) {
        this.sites = sites;
        this.regions = regions;
    }

    @Override
    public int order() {
        return 750;
    }

    @Override
    public void seed(DemoSettings settings) {
        long start = System.nanoTime();
        Random random = settings.random("coverage-sites");
        List<CandidateSiteRepository.Fields> all = new ArrayList<>();
        for (Region town : regions.ofLevel(RegionLevel.TOWN)) {
            List<Region> communities = regions.children(town.code()).stream().filter(c -> c.centroid() != null).toList();
            if (communities.isEmpty()) continue;
            for (int i = 0; i < PER_TOWN; i++) {
                Region c = communities.get(random.nextInt(communities.size()));
                boolean village = c.urbanRural() != null && c.urbanRural().startsWith("2") || c.isVillage();
                String[] names = village ? VILLAGE : URBAN;
                String base = c.name().replaceAll("(社区居委会|居委会|村委会|社区|村)$", "");
                String name = String.format(names[random.nextInt(names.length)], base);
                double metres = 100 + random.nextDouble() * 400;
                double angle = random.nextDouble() * 2 * Math.PI;
                double lat = c.centroid().lat() + metres * Math.cos(angle) / 111_320.0;
                double lng = c.centroid().lng() + metres * Math.sin(angle) / (111_320.0 * Math.cos(Math.toRadians(c.centroid().lat())));
                String address = town.name() + c.name() + (1 + random.nextInt(120)) + "号";
                Integer capacity = random.nextInt(4) == 0 ? null : 10 + random.nextInt(51);
                BigDecimal area = random.nextInt(5) == 0 ? null : BigDecimal.valueOf(150 + random.nextInt(651)).setScale(1);
                all.add(new CandidateSiteRepository.Fields(c.code().value(), name, address,
                        new GeoPoint(Math.round(lat * 1e6) / 1e6, Math.round(lng * 1e6) / 1e6),
                        NOTES[random.nextInt(NOTES.length)], capacity, area));
            }
        }
        sites.insertAll(all, "demo");
        log.info("Demo candidate sites: {} in {} ms", all.size(), (System.nanoTime() - start) / 1_000_000);
    }
}
