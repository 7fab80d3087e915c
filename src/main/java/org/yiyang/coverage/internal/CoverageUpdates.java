package org.yiyang.coverage.internal;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.yiyang.elder.EldersChanged;
import org.yiyang.provider.FacilityChanged;

/**
 * Keeps the coverage current: built in the background once the application (and the demo city)
 * is ready, updated after each committed facility or elder change (through the persistent event
 * publication, so none is lost), and rebuilt in full on a schedule — which also catches elders
 * turning 80 and changes made on another node.
 */
class CoverageUpdates {

    private final CoverageService service;

    CoverageUpdates(CoverageService service) {
        this.service = service;
    }

    @EventListener(ApplicationReadyEvent.class)
    void whenReady() {
        Thread.ofVirtual().name("coverage-build").start(service::ready);
    }

    @ApplicationModuleListener
    void on(FacilityChanged event) {
        service.facilityChanged(event.facilityId());
    }

    @ApplicationModuleListener
    void on(EldersChanged event) {
        service.eldersChanged(event.elderIds());
    }

    @Scheduled(fixedDelayString = "${yiyang.coverage.full-recompute-interval:PT6H}",
            initialDelayString = "${yiyang.coverage.full-recompute-interval:PT6H}")
    void onSchedule() {
        service.recomputeAll();
    }
}
