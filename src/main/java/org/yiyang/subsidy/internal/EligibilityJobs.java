package org.yiyang.subsidy.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.yiyang.subsidy.Eligibility;

/**
 * The scheduled evaluations, safe with several nodes:
 * <ul>
 *   <li>every hour, elders whose age changed since they were last evaluated (today's birthdays,
 *   turning 80 among them, and any a stopped node missed): every node may run it, each elder's
 *   row is locked with {@code for update skip locked}, so each is evaluated once;</li>
 *   <li>every night, a reconciliation that copies every elder's facts from the registry and
 *   evaluates everyone (new elders from imports, moves, deaths): the first node to claim the day
 *   in {@code subsidy_job} runs it.</li>
 * </ul>
 */
@Component
class EligibilityJobs {

    private static final Logger log = LoggerFactory.getLogger(EligibilityJobs.class);

    private final EligibilityEvaluator evaluator;
    private final EligibilityRepository repository;
    private final Eligibility eligibility;
    private final Clock clock;

    EligibilityJobs(EligibilityEvaluator evaluator, EligibilityRepository repository, Eligibility eligibility,
                    ObjectProvider<Clock> clock) {
        this.evaluator = evaluator;
        this.repository = repository;
        this.eligibility = eligibility;
        this.clock = clock.getIfAvailable(() -> Clock.system(EligibilityService.CHINA));
    }

    @Scheduled(cron = "${yiyang.subsidy.age-change-cron:0 7 * * * *}", zone = "Asia/Shanghai")
    void ageChanges() {
        EligibilityEvaluator.Counts c = evaluator.evaluateAgeChanges(LocalDate.now(clock));
        if (c.elders() > 0) {
            log.info("Eligibility after birthdays: {} elders evaluated, {} changes", c.elders(), c.changes());
        }
    }

    @Scheduled(cron = "${yiyang.subsidy.reconcile-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
    void reconcile() {
        if (repository.claimDay("reconcile", LocalDate.now(clock))) {
            eligibility.recomputeAll();
        }
    }
}
