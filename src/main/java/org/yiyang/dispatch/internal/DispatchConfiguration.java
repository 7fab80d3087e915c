package org.yiyang.dispatch.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.yiyang.dispatch.CandidateChooser;
import org.yiyang.dispatch.CaregiverLoad;
import org.yiyang.dispatch.CaregiverRatings;
import org.yiyang.dispatch.InMemoryCaregiverLoad;
import org.yiyang.dispatch.InMemoryServiceHistory;
import org.yiyang.dispatch.ServiceHistory;
import org.yiyang.shared.StraightLineTravelTime;
import org.yiyang.shared.TravelTimeModel;
import org.yiyang.provider.CaregiverDirectory;

/**
 * Wires the chooser from the {@code yiyang.dispatch.*} settings. The load and the service history
 * come from the orders ({@link OrderCaregiverLoad}, {@link OrderServiceHistory}); the in-memory
 * stand-ins remain for tests and benchmarks. Ratings are neutral until a bean provides them.
 *
 * <p>Automatic dispatch ({@link AutoDispatcher}) runs on its own few worker threads taking due
 * orders from the orders table in batches (ADR 0010).
 */
@Configuration(proxyBeanMethods = false)
class DispatchConfiguration {

    @Bean
    DispatchSettings dispatchSettings(@Value("${yiyang.dispatch.max-radius-m:5000}") double maxRadiusMeters,
                                      @Value("${yiyang.dispatch.tie-tolerance:60s}") Duration tieTolerance,
                                      @Value("${yiyang.dispatch.max-candidates:20}") int maxCandidates,
                                      @Value("${yiyang.dispatch.index-cell-m:1000}") double indexCellMeters) {
        return new DispatchSettings(maxRadiusMeters, tieTolerance, maxCandidates, indexCellMeters);
    }

    @Bean
    TravelTimeModel straightLineTravelTime(@Value("${yiyang.dispatch.detour-factor:1.3}") double detourFactor,
                                           @Value("${yiyang.dispatch.speed-kmh:15}") double speedKmh) {
        return new StraightLineTravelTime(detourFactor, speedKmh);
    }

    @Bean
    DirectoryCandidatePool candidatePool(CaregiverDirectory directory, DispatchSettings settings, ObjectProvider<Clock> clock) {
        return new DirectoryCandidatePool(directory, clockOf(clock), settings.indexCellMeters());
    }

    @Bean
    IndexedCandidateChooser candidateChooser(DirectoryCandidatePool pool, TravelTimeModel travel, DispatchSettings settings,
                                      ObjectProvider<CaregiverLoad> load, ObjectProvider<ServiceHistory> history,
                                      ObjectProvider<CaregiverRatings> ratings, ObjectProvider<Clock> clock) {
        return new IndexedCandidateChooser(pool, travel, load.getIfAvailable(InMemoryCaregiverLoad::new),
                history.getIfAvailable(InMemoryServiceHistory::new), ratings.getIfAvailable(() -> CaregiverRatings.UNRATED),
                settings, clockOf(clock));
    }

    @Bean
    CandidatePoolRefresh candidatePoolRefresh(DirectoryCandidatePool pool) {
        return new CandidatePoolRefresh(pool);
    }

    private static Clock clockOf(ObjectProvider<Clock> clock) {
        return clock.getIfAvailable(() -> Clock.system(ZoneId.of("Asia/Shanghai")));
    }

    /** Reloads the pool once the application (and the demo city) is ready, then on a schedule. */
    static final class CandidatePoolRefresh {

        private final DirectoryCandidatePool pool;

        CandidatePoolRefresh(DirectoryCandidatePool pool) {
            this.pool = pool;
        }

        /** In the background, so start-up does not wait; a chooser needing it first loads it itself. */
        @EventListener(ApplicationReadyEvent.class)
        void whenReady() {
            Thread.ofVirtual().name("dispatch-pool-refresh").start(pool::refresh);
        }

        @Scheduled(fixedDelayString = "${yiyang.dispatch.refresh-interval:PT5M}",
                initialDelayString = "${yiyang.dispatch.refresh-interval:PT5M}")
        void onSchedule() {
            pool.refresh();
        }
    }
}
