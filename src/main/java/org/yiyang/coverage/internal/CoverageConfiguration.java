package org.yiyang.coverage.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.yiyang.coverage.GreedySiteSelector;
import org.yiyang.coverage.SiteSelector;
import org.yiyang.elder.ElderLocations;
import org.yiyang.provider.ProviderDirectory;
import org.yiyang.region.RegionDirectory;

/**
 * Wires coverage from the {@code yiyang.coverage.*} settings: walking speed and detour factor, the
 * urban circle in minutes and the village circle in metres, the weights, and optionally an
 * OpenStreetMap extract for walking along the ways.
 */
@Configuration(proxyBeanMethods = false)
class CoverageConfiguration {

    @Bean
    CircleRules circleRules(@Value("${yiyang.coverage.walking-speed-kmh:4.5}") double speedKmh,
                            @Value("${yiyang.coverage.urban-minutes:15}") double urbanMinutes,
                            @Value("${yiyang.coverage.village-meters:1000}") double villageMeters) {
        return new CircleRules(speedKmh, urbanMinutes, villageMeters);
    }

    @Bean
    ElderWeights elderWeights(@Value("${yiyang.coverage.weights.disabled:1.0}") double disabled,
                              @Value("${yiyang.coverage.weights.living-alone:0.5}") double livingAlone,
                              @Value("${yiyang.coverage.weights.advanced-age:0.5}") double advancedAge) {
        return new ElderWeights(disabled, livingAlone, advancedAge);
    }

    /** Straight line × detour factor, or the ways of {@code yiyang.coverage.osm-file} when it is set. */
    @Bean
    WalkModel coverageWalkModel(CircleRules rules,
                                @Value("${yiyang.coverage.detour-factor:1.3}") double detourFactor,
                                @Value("${yiyang.coverage.osm-file:}") String osmFile,
                                @Value("${yiyang.coverage.graph-cache-dir:./data/graph-cache}") String cacheDir,
                                @Value("${yiyang.coverage.max-snap-m:300}") double maxSnapMeters) {
        if (osmFile == null || osmFile.isBlank()) {
            return new StraightLineWalk(detourFactor, rules.walkingSpeedKmh());
        }
        Path file = Path.of(osmFile);
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("yiyang.coverage.osm-file is not a readable file: " + file.toAbsolutePath());
        }
        return new RoadNetworkWalk(file, Path.of(cacheDir), rules.walkingSpeedKmh(), detourFactor, maxSnapMeters);
    }

    @Bean
    CoverageService coverageService(ElderLocations elders, ProviderDirectory providers, RegionDirectory regions,
                                    WalkModel coverageWalkModel, CircleRules rules, ElderWeights weights,
                                    @Value("${yiyang.coverage.detour-factor:1.3}") double detourFactor,
                                    ObjectProvider<Clock> clock) {
        return new CoverageService(elders, providers, regions, coverageWalkModel, rules, weights, detourFactor,
                clock.getIfAvailable(() -> Clock.system(ZoneId.of("Asia/Shanghai"))));
    }

    /** The default site selector; the planning module's optimiser takes its place by declaring its own. */
    @Bean
    @ConditionalOnMissingBean(SiteSelector.class)
    SiteSelector greedySiteSelector() {
        return new GreedySiteSelector();
    }

    @Bean
    CoverageUpdates coverageUpdates(CoverageService service) {
        return new CoverageUpdates(service);
    }
}
