package org.yiyang.subsidy.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.yiyang.assessment.AssessmentCompleted;
import org.yiyang.elder.ElderProfiles;
import org.yiyang.elder.EldersChanged;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.RegionLevel;

/**
 * Evaluates again when what the rules decide on changes: an assessment completed (the elder's
 * level), elders were registered or changed in the registry (categories, address, status; an
 * import), a region's rule changed.
 * After the publishing transaction committed, in the background, each in its own transaction;
 * an event whose handling failed stays incomplete in the publication registry and is resubmitted.
 */
@Component
class EligibilityListeners {

    private static final Logger log = LoggerFactory.getLogger(EligibilityListeners.class);

    private final EligibilityRepository repository;
    private final EligibilityEvaluator evaluator;
    private final ElderProfiles profiles;
    private final RegionDirectory regions;
    private final Clock clock;

    EligibilityListeners(EligibilityRepository repository, EligibilityEvaluator evaluator, ElderProfiles profiles,
                         RegionDirectory regions, ObjectProvider<Clock> clock) {
        this.repository = repository;
        this.evaluator = evaluator;
        this.profiles = profiles;
        this.regions = regions;
        this.clock = clock.getIfAvailable(() -> Clock.system(EligibilityService.CHINA));
    }

    @ApplicationModuleListener
    void on(AssessmentCompleted event) {
        LocalDate today = LocalDate.now(clock);
        if (!repository.hasElder(event.elderId())) {
            copyProfile(event.elderId(), event.regionCode(), today);
        }
        if (repository.recordAssessment(event.elderId(), event.finalLevel(), event.assessmentId(), event.assessedOn())) {
            evaluator.evaluateElder(event.elderId(), today);
        }
    }

    /** The registry's current facts of these elders are copied, then they are evaluated (an import: in chunks). */
    @ApplicationModuleListener
    void on(EldersChanged event) {
        LocalDate today = LocalDate.now(clock);
        List<Long> ids = event.elderIds();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            for (Region province : regions.ofLevel(RegionLevel.PROVINCE)) {
                repository.syncProfiles(profiles.findAll(DataScope.region(province.code().prefix()), chunk), today);
            }
            evaluator.evaluateElders(chunk, today);
        }
    }

    static final int CHUNK = 1000;

    /** A whole region: pages in their own transactions rather than one long one. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(RulesChanged event) {
        long start = System.nanoTime();
        EligibilityEvaluator.Counts c = evaluator.evaluateRegion(event.regionPrefix(), LocalDate.now(clock));
        log.info("Eligibility rules of region '{}' changed: {} elders evaluated, {} results written, {} changes in {} ms",
                event.regionPrefix(), c.elders(), c.written(), c.changes(), (System.nanoTime() - start) / 1_000_000);
    }

    /** The registry's current facts of the elder (looked up within the province of the event's region). */
    private void copyProfile(long elderId, String regionCode, LocalDate today) {
        profiles.find(DataScope.region(regionCode.substring(0, 2)), elderId)
                .ifPresent(p -> repository.syncProfiles(List.of(p), today));
    }
}
