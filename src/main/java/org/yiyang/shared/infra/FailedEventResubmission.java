package org.yiyang.shared.infra;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Module events whose listener failed (the database was restarting, a lock timed out) are handed to
 * their listener again, every {@code yiyang.events.resubmit-interval}, on whichever node runs this
 * first: Spring Modulith claims each failed publication with a conditional update, so one node
 * resubmits it. Publications stuck in flight on a node that died are marked failed after
 * {@code spring.modulith.events.staleness.*} and come back here too, so nothing waits for that node
 * to restart. Listeners must tolerate a second delivery (eligibility and coverage recompute from
 * the current data, so a second run changes nothing).
 */
@Component
class FailedEventResubmission {

    private static final Logger log = LoggerFactory.getLogger(FailedEventResubmission.class);

    private final FailedEventPublications failed;
    private final Duration minAge;

    FailedEventResubmission(FailedEventPublications failed, @Value("${yiyang.events.resubmit-min-age:PT20S}") Duration minAge) {
        this.failed = failed;
        this.minAge = minAge;
    }

    @Scheduled(fixedDelayString = "${yiyang.events.resubmit-interval:PT1M}", initialDelayString = "${yiyang.events.resubmit-interval:PT1M}")
    void onSchedule() {
        resubmit();
    }

    void resubmit() {
        try {
            failed.resubmit(ResubmissionOptions.defaults().withMinAge(minAge).withBatchSize(500).withMaxInFlight(50));
        } catch (RuntimeException e) {
            // the database may still be away; the next round tries again
            log.warn("Resubmitting failed event publications did not work this time: {}", e.toString());
        }
    }
}
