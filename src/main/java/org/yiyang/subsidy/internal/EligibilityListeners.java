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
import org.yiyang.elder.ElderCategoriesChanged;
import org.yiyang.elder.ElderProfiles;
import org.yiyang.shared.DataScope;

/**
 * Evaluates again when what the rules decide on changes: an assessment completed (the elder's
 * level), an elder's categories changed (or a new elder was registered), a region's rule changed.
 * After the publishing transaction committed, in the background, each in its own transaction;
 * an event whose handling failed stays incomplete in the publication registry and is resubmitted.
 */
@Component
class EligibilityListeners {

    private static final Logger log = LoggerFactory.getLogger(EligibilityListeners.class);

    private final EligibilityRepository repository;
    private final EligibilityEvaluator evaluator;
    private final ElderProfiles profiles;
    private final Clock clock;

    EligibilityListeners(EligibilityRepository repository, EligibilityEvaluator evaluator, ElderProfiles profiles,
                         ObjectProvider<Clock> clock) {
        this.repository = repository;
        this.evaluator = evaluator;
        this.profiles = profiles;
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

    @ApplicationModuleListener
    void on(ElderCategoriesChanged event) {
        LocalDate today = LocalDate.now(clock);
        copyProfile(event.elderId(), event.regionCode(), today);
        evaluator.evaluateElder(event.elderId(), today);
    }

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
