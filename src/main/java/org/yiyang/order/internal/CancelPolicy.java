package org.yiyang.order.internal;

import java.time.Duration;
import java.time.Instant;
import org.yiyang.order.OrderState;

/**
 * Who may cancel an order until when (UX.md F.15: cancelling is free for at least 10 minutes).
 * <ul>
 * <li>Before a caregiver accepts (CREATED, OFFERED): the elder, the family, the operator and the
 *     placing system cancel freely; a reason is optional.</li>
 * <li>Within the free period after placing (10 minutes), the same parties cancel freely even if
 *     a caregiver already accepted.</li>
 * <li>After acceptance and past the free period (ACCEPTED, EN_ROUTE): only the operator or the
 *     caregiver's provider, and only with a reason.</li>
 * <li>From check-in on (IN_SERVICE and later) and in a final state: never.</li>
 * </ul>
 */
public final class CancelPolicy {

    public enum Decision { FREE, REASON_REQUIRED, NOT_ALLOWED, TOO_LATE }

    public static final Duration FREE_PERIOD = Duration.ofMinutes(10);

    private CancelPolicy() {
    }

    public static Decision decide(OrderState state, Actor.Kind who, Instant placedAt, Instant now) {
        boolean requester = who == Actor.Kind.FAMILY || who == Actor.Kind.ELDER || who == Actor.Kind.OPERATOR
                || who == Actor.Kind.SYSTEM;
        boolean manager = who == Actor.Kind.OPERATOR || who == Actor.Kind.PROVIDER;
        return switch (state) {
            case CREATED, OFFERED -> requester ? Decision.FREE : Decision.NOT_ALLOWED;
            case ACCEPTED, EN_ROUTE -> {
                boolean inFreePeriod = now.isBefore(placedAt.plus(FREE_PERIOD));
                if (inFreePeriod && requester) {
                    yield Decision.FREE;
                }
                yield manager ? Decision.REASON_REQUIRED : Decision.NOT_ALLOWED;
            }
            case IN_SERVICE, COMPLETED, CONFIRMED, RATED, CANCELLED, EXPIRED -> Decision.TOO_LATE;
        };
    }
}
