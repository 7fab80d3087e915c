package org.yiyang.dispatch.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yiyang.dispatch.CandidateChooser;
import org.yiyang.dispatch.DispatchRequest;
import org.yiyang.dispatch.DispatchResult;
import org.yiyang.dispatch.NoCandidate;
import org.yiyang.order.ArrivalEstimates;
import org.yiyang.order.DispatchContext;
import org.yiyang.shared.GeoPoint;

/** Arrival estimates for the order form from the chooser: the best candidate's travel time. */
@Component
class ChooserArrivalEstimates implements ArrivalEstimates {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final CandidateChooser chooser;
    private final MessageSource messages;

    ChooserArrivalEstimates(CandidateChooser chooser, MessageSource messages) {
        this.chooser = chooser;
        this.messages = messages;
    }

    @Override
    public Estimate estimate(long elderId, String requiredSkill, GeoPoint location, Instant windowFrom, Instant windowTo,
                             int standardMinutes) {
        Instant day = windowFrom == null ? Instant.now() : windowFrom;
        DispatchContext context = new DispatchContext(0, requiredSkill, elderId, location, windowFrom, windowTo,
                standardMinutes, day.atZone(ZONE).toLocalDate(), Set.of(), null);
        DispatchResult result = chooser.choose(DispatchRequest.forOrder(context, ZONE));
        if (result instanceof NoCandidate none) {
            return new Estimate(null, 0, none.reason(messages, LocaleContextHolder.getLocale()));
        }
        DispatchResult.Candidates c = (DispatchResult.Candidates) result;
        return new Estimate((int) Math.max(1, Math.round(c.best().travelSeconds() / 60.0)), c.ranked().size(), null);
    }
}
