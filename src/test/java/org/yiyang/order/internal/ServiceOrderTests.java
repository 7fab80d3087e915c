package org.yiyang.order.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.yiyang.order.OrderChannel;
import org.yiyang.order.OrderState;
import org.yiyang.order.ServiceOrderAccepted;
import org.yiyang.order.ServiceOrderCancelled;
import org.yiyang.order.ServiceOrderCheckedIn;
import org.yiyang.order.ServiceOrderCompleted;
import org.yiyang.order.ServiceOrderDispatched;
import org.yiyang.order.ServiceOrderRated;
import org.yiyang.order.ServiceOrderRefused;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.RuleViolationException;

/** The order state machine and the cancel policy, with a fixed clock. */
class ServiceOrderTests {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), ZoneOffset.UTC);
    static final Instant T0 = CLOCK.instant();
    static final GeoPoint HOME = new GeoPoint(35.7600, 115.0300);
    static final GeoPoint NEAR = new GeoPoint(35.7605, 115.0300);   // ≈ 56 m
    static final GeoPoint FAR = new GeoPoint(35.7700, 115.0300);    // ≈ 1.1 km

    static final Actor OPERATOR = Actor.of(1, "operator", Actor.Kind.OPERATOR);
    static final Actor FAMILY = Actor.of(2, "family", Actor.Kind.FAMILY);
    static final Actor CAREGIVER = Actor.caregiver(3, "caregiver", 30, 300);
    static final Actor OTHER_CAREGIVER = Actor.caregiver(4, "other", 40, 300);
    static final Actor PROVIDER = new Actor(5, "provider", Actor.Kind.PROVIDER, null, 300L);
    static final Actor OTHER_PROVIDER = new Actor(6, "provider2", Actor.Kind.PROVIDER, null, 999L);
    static final Actor SYSTEM = Actor.of(0, "system", Actor.Kind.SYSTEM);

    static ServiceOrder placed() {
        ServiceOrder o = ServiceOrder.place(7, "410902001001", new ServiceOrder.Item(11, "ZC-001", "助餐送餐", 1500, 30, "MEAL"),
                OrderChannel.HOTLINE, OPERATOR, T0, new ServiceOrder.Address("幸福路1号", "410902001001", HOME),
                null, null, null);
        o.assignId(99);
        return o;
    }

    static Instant at(Duration d) {
        return T0.plus(d);
    }

    static ServiceOrder offered() {
        ServiceOrder o = placed();
        o.offerTo(30, 300, at(Duration.ofMinutes(11)), OPERATOR, at(Duration.ofMinutes(1)));
        return o;
    }

    static ServiceOrder accepted() {
        ServiceOrder o = offered();
        o.accept(CAREGIVER, at(Duration.ofMinutes(2)), "4321");
        return o;
    }

    static ServiceOrder inService() {
        ServiceOrder o = accepted();
        o.checkIn(CAREGIVER, NEAR, 200, null, at(Duration.ofMinutes(20)));
        return o;
    }

    static ServiceOrder completed() {
        ServiceOrder o = inService();
        o.checkOut(CAREGIVER, NEAR, at(Duration.ofMinutes(55)));
        return o;
    }

    static void conflict(Runnable r, String code) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(RuleViolationException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.status()).isEqualTo(409);
        });
    }

    static void rejected(Runnable r, String field, String code) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(InputRejectedException.class, e -> {
            assertThat(e.violations()).hasSize(1);
            assertThat(e.violations().getFirst().field()).isEqualTo(field);
            assertThat(e.violations().getFirst().code()).isEqualTo(code);
        });
    }

    @Test
    void theWholeLoopRecordsEveryStepAndEvent() {
        ServiceOrder o = completed();
        o.confirm(CAREGIVER, "4321", null, at(Duration.ofMinutes(56)));
        o.rate(FAMILY, 5, "很好", at(Duration.ofHours(2)));
        assertThat(o.state()).isEqualTo(OrderState.RATED);
        assertThat(o.steps()).extracting(ServiceOrder.Step::action)
                .containsExactly("place", "dispatch", "accept", "check-in", "check-out", "confirm", "rate");
        assertThat(o.steps()).extracting(ServiceOrder.Step::to).containsExactly(OrderState.CREATED, OrderState.OFFERED,
                OrderState.ACCEPTED, OrderState.IN_SERVICE, OrderState.COMPLETED, OrderState.CONFIRMED, OrderState.RATED);
        assertThat(o.steps().get(3).location()).isEqualTo(NEAR);
        assertThat(o.steps().get(3).actor()).isEqualTo(CAREGIVER);
        assertThat(o.steps().get(3).at()).isEqualTo(at(Duration.ofMinutes(20)));
        assertThat(o.events()).hasExactlyElementsOfTypes(ServiceOrderDispatched.class, ServiceOrderAccepted.class,
                ServiceOrderCheckedIn.class, ServiceOrderCompleted.class, org.yiyang.order.ServiceOrderConfirmed.class,
                ServiceOrderRated.class);
        assertThat(o.durationMinutes()).isEqualTo(35);
        assertThat(((ServiceOrderCompleted) o.events().get(3)).durationMinutes()).isEqualTo(35);
        assertThat(o.checkInDistance()).isBetween(50, 60);
    }

    @Test
    void enRouteIsAnOptionalStepBeforeCheckIn() {
        ServiceOrder o = accepted();
        o.startTravel(CAREGIVER, FAR, at(Duration.ofMinutes(5)));
        assertThat(o.state()).isEqualTo(OrderState.EN_ROUTE);
        o.checkIn(CAREGIVER, NEAR, 200, null, at(Duration.ofMinutes(20)));
        assertThat(o.state()).isEqualTo(OrderState.IN_SERVICE);
        conflict(() -> o.startTravel(CAREGIVER, NEAR, at(Duration.ofMinutes(21))), "order.already-checked-in");
    }

    @Test
    void offeringTwiceOrAfterAcceptanceIsAConflict() {
        conflict(() -> offered().offerTo(40, 300, at(Duration.ofMinutes(20)), OPERATOR, at(Duration.ofMinutes(2))), "order.already-offered");
        conflict(() -> accepted().offerTo(40, 300, at(Duration.ofMinutes(20)), OPERATOR, at(Duration.ofMinutes(3))), "order.already-accepted");
        conflict(() -> completed().offerTo(40, 300, at(Duration.ofHours(2)), OPERATOR, at(Duration.ofHours(1))), "order.already-completed");
    }

    @Test
    void acceptingNeedsAnOpenOfferToThisCaregiver() {
        conflict(() -> placed().accept(CAREGIVER, at(Duration.ofMinutes(2)), "1111"), "order.not-offered");
        conflict(() -> offered().accept(OTHER_CAREGIVER, at(Duration.ofMinutes(2)), "1111"), "order.not-offered-to-you");
        conflict(() -> offered().accept(CAREGIVER, at(Duration.ofMinutes(11)), "1111"), "order.offer-expired");
        conflict(() -> accepted().accept(CAREGIVER, at(Duration.ofMinutes(3)), "1111"), "order.already-accepted");
        ServiceOrder o = offered();
        o.accept(CAREGIVER, at(Duration.ofMinutes(10).minusSeconds(1)), "1234");
        assertThat(o.state()).isEqualTo(OrderState.ACCEPTED);
        assertThat(o.confirmationCode()).isEqualTo("1234");
    }

    @Test
    void aRefusalNeedsAReasonAndReturnsTheOrderToDispatch() {
        rejected(() -> offered().refuse(CAREGIVER, " ", at(Duration.ofMinutes(2))), "reason", "order.reason.required");
        conflict(() -> offered().refuse(OTHER_CAREGIVER, "busy", at(Duration.ofMinutes(2))), "order.not-offered-to-you");
        ServiceOrder o = offered();
        o.refuse(CAREGIVER, "太远", at(Duration.ofMinutes(2)));
        assertThat(o.state()).isEqualTo(OrderState.CREATED);
        assertThat(o.stateReason()).isEqualTo("太远");
        assertThat(o.caregiverId()).isNull();
        assertThat(o.pastCaregivers()).containsExactly(30L);
        assertThat(o.events().getLast()).isEqualTo(new ServiceOrderRefused(99, 30, "太远"));
        o.offerTo(40, 300, at(Duration.ofMinutes(13)), OPERATOR, at(Duration.ofMinutes(3)));
        assertThat(o.state()).isEqualTo(OrderState.OFFERED);
        conflict(() -> o.accept(CAREGIVER, at(Duration.ofMinutes(4)), "1"), "order.not-offered-to-you");
    }

    @Test
    void anExpiredOfferReturnsTheOrderToDispatchOnlyOnceDue() {
        conflict(() -> offered().expireOffer(SYSTEM, at(Duration.ofMinutes(10))), "order.not-accepted");
        ServiceOrder o = offered();
        o.expireOffer(SYSTEM, at(Duration.ofMinutes(11)));
        assertThat(o.state()).isEqualTo(OrderState.CREATED);
        assertThat(o.stateReason()).isEqualTo("order.reason.offer-expired");
        conflict(() -> accepted().expireOffer(SYSTEM, at(Duration.ofHours(1))), "order.already-accepted");
    }

    @Test
    void anOrderNobodyTookExpiresButAnAcceptedOneDoesNot() {
        ServiceOrder o = placed();
        o.expire(SYSTEM, at(Duration.ofHours(3)));
        assertThat(o.state()).isEqualTo(OrderState.EXPIRED);
        ServiceOrder p = offered();
        p.expire(SYSTEM, at(Duration.ofHours(3)));
        assertThat(p.state()).isEqualTo(OrderState.EXPIRED);
        conflict(() -> accepted().expire(SYSTEM, at(Duration.ofHours(3))), "order.already-accepted");
        conflict(() -> o.cancel(OPERATOR, "x", at(Duration.ofHours(4))), "order.cancel.too-late");
    }

    @Test
    void checkInOnlyByTheAssignedCaregiverAfterAcceptance() {
        conflict(() -> offered().checkIn(CAREGIVER, NEAR, 200, null, at(Duration.ofMinutes(3))), "order.not-accepted");
        conflict(() -> placed().checkIn(CAREGIVER, NEAR, 200, null, at(Duration.ofMinutes(3))), "order.not-offered");
        conflict(() -> accepted().checkIn(OTHER_CAREGIVER, NEAR, 200, null, at(Duration.ofMinutes(3))), "order.not-assigned-to-you");
        conflict(() -> accepted().checkIn(OPERATOR, NEAR, 200, null, at(Duration.ofMinutes(3))), "order.not-assigned-to-you");
        conflict(() -> inService().checkIn(CAREGIVER, NEAR, 200, null, at(Duration.ofMinutes(30))), "order.already-checked-in");
    }

    @Test
    void checkingInOutsideTheGeofenceNeedsAReasonWhichIsKept() {
        rejected(() -> accepted().checkIn(CAREGIVER, FAR, 200, "", at(Duration.ofMinutes(3))), "reason", "order.check-in.outside-geofence");
        ServiceOrder o = accepted();
        o.checkIn(CAREGIVER, FAR, 200, "老人在女儿家", at(Duration.ofMinutes(3)));
        assertThat(o.checkInDistance()).isBetween(1000, 1200);
        assertThat(o.steps().getLast().reason()).isEqualTo("老人在女儿家");
        assertThat(((ServiceOrderCheckedIn) o.events().getLast()).outsideGeofence()).isTrue();
        ServiceOrder wide = accepted();
        wide.checkIn(CAREGIVER, FAR, 2000, null, at(Duration.ofMinutes(3)));
        assertThat(wide.state()).isEqualTo(OrderState.IN_SERVICE);
    }

    @Test
    void checkOutOnlyInServiceByTheAssignedCaregiver() {
        conflict(() -> accepted().checkOut(CAREGIVER, NEAR, at(Duration.ofMinutes(30))), "order.already-accepted");
        conflict(() -> inService().checkOut(OTHER_CAREGIVER, NEAR, at(Duration.ofMinutes(30))), "order.not-assigned-to-you");
        conflict(() -> completed().checkOut(CAREGIVER, NEAR, at(Duration.ofMinutes(60))), "order.already-completed");
    }

    @Test
    void confirmationByCodeFamilyOrOperatorWithReason() {
        conflict(() -> inService().confirm(FAMILY, null, null, at(Duration.ofMinutes(30))), "order.already-checked-in");
        rejected(() -> completed().confirm(CAREGIVER, "0000", null, at(Duration.ofHours(1))), "code", "order.confirmation.code-wrong");
        rejected(() -> completed().confirm(CAREGIVER, null, null, at(Duration.ofHours(1))), "code", "order.confirmation.code-required");
        rejected(() -> completed().confirm(OPERATOR, null, null, at(Duration.ofHours(1))), "reason", "order.reason.required");
        conflict(() -> completed().confirm(OTHER_CAREGIVER, "4321", null, at(Duration.ofHours(1))), "order.not-assigned-to-you");
        ServiceOrder o = completed();
        o.confirm(FAMILY, null, null, at(Duration.ofHours(1)));
        assertThat(o.state()).isEqualTo(OrderState.CONFIRMED);
        conflict(() -> o.confirm(FAMILY, null, null, at(Duration.ofHours(1))), "order.already-confirmed");
    }

    @Test
    void ratingOnceWithOneToFiveStarsAfterCompletion() {
        conflict(() -> inService().rate(FAMILY, 5, null, at(Duration.ofHours(1))), "order.not-completed");
        rejected(() -> completed().rate(FAMILY, 6, null, at(Duration.ofHours(1))), "stars", "order.rating.invalid");
        rejected(() -> completed().rate(FAMILY, 0, null, at(Duration.ofHours(1))), "stars", "order.rating.invalid");
        rejected(() -> completed().rate(FAMILY, null, null, at(Duration.ofHours(1))), "stars", "order.rating.invalid");
        ServiceOrder o = completed();
        o.rate(FAMILY, 4, "  准时  ", at(Duration.ofHours(1)));
        assertThat(o.state()).isEqualTo(OrderState.RATED);
        assertThat(o.ratingComment).isEqualTo("准时");
        conflict(() -> o.rate(FAMILY, 5, null, at(Duration.ofHours(2))), "order.already-rated");
    }

    // ---- cancel policy ------------------------------------------------------------------------

    @Test
    void beforeAcceptanceTheRequesterCancelsFreely() {
        ServiceOrder o = placed();
        o.cancel(FAMILY, null, at(Duration.ofHours(5)));
        assertThat(o.state()).isEqualTo(OrderState.CANCELLED);
        ServiceOrder p = offered();
        p.cancel(OPERATOR, null, at(Duration.ofHours(5)));
        assertThat(p.state()).isEqualTo(OrderState.CANCELLED);
        assertThat(p.events().getLast()).isEqualTo(new ServiceOrderCancelled(99, 7, OrderState.OFFERED, null));
        conflict(() -> placed().cancel(CAREGIVER, "x", at(Duration.ofMinutes(1))), "order.cancel.not-allowed");
    }

    @Test
    void cancellingAt959AfterAcceptanceSucceedsWithoutAReason() {
        ServiceOrder o = accepted();
        o.cancel(FAMILY, null, T0.plus(Duration.ofMinutes(9).plusSeconds(59)));
        assertThat(o.state()).isEqualTo(OrderState.CANCELLED);
    }

    @Test
    void cancellingAt1001AfterAcceptanceNeedsAReasonAndAManager() {
        Instant late = T0.plus(Duration.ofMinutes(10).plusSeconds(1));
        rejected(() -> accepted().cancel(OPERATOR, null, late), "reason", "order.cancel.reason-required");
        conflict(() -> accepted().cancel(FAMILY, "changed my mind", late), "order.cancel.not-allowed");
        conflict(() -> accepted().cancel(OTHER_PROVIDER, "no staff", late), "order.cancel.not-allowed");
        ServiceOrder o = accepted();
        o.cancel(OPERATOR, "老人住院", late);
        assertThat(o.state()).isEqualTo(OrderState.CANCELLED);
        assertThat(o.stateReason()).isEqualTo("老人住院");
        ServiceOrder p = accepted();
        p.cancel(PROVIDER, "护理员生病", late);
        assertThat(p.state()).isEqualTo(OrderState.CANCELLED);
    }

    @Test
    void neverAfterCheckIn() {
        conflict(() -> inService().cancel(OPERATOR, "x", at(Duration.ofMinutes(30))), "order.cancel.too-late");
        conflict(() -> completed().cancel(OPERATOR, "x", at(Duration.ofHours(1))), "order.cancel.too-late");
    }

    @Test
    void cancelPolicyTable() {
        Instant placed = T0;
        Instant early = T0.plus(Duration.ofMinutes(9).plusSeconds(59));
        Instant late = T0.plus(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(CancelPolicy.decide(OrderState.CREATED, Actor.Kind.FAMILY, placed, late)).isEqualTo(CancelPolicy.Decision.FREE);
        assertThat(CancelPolicy.decide(OrderState.OFFERED, Actor.Kind.SYSTEM, placed, late)).isEqualTo(CancelPolicy.Decision.FREE);
        assertThat(CancelPolicy.decide(OrderState.CREATED, Actor.Kind.CAREGIVER, placed, early)).isEqualTo(CancelPolicy.Decision.NOT_ALLOWED);
        assertThat(CancelPolicy.decide(OrderState.ACCEPTED, Actor.Kind.FAMILY, placed, early)).isEqualTo(CancelPolicy.Decision.FREE);
        assertThat(CancelPolicy.decide(OrderState.ACCEPTED, Actor.Kind.FAMILY, placed, late)).isEqualTo(CancelPolicy.Decision.NOT_ALLOWED);
        assertThat(CancelPolicy.decide(OrderState.EN_ROUTE, Actor.Kind.OPERATOR, placed, late)).isEqualTo(CancelPolicy.Decision.REASON_REQUIRED);
        assertThat(CancelPolicy.decide(OrderState.ACCEPTED, Actor.Kind.PROVIDER, placed, early)).isEqualTo(CancelPolicy.Decision.REASON_REQUIRED);
        assertThat(CancelPolicy.decide(OrderState.IN_SERVICE, Actor.Kind.OPERATOR, placed, early)).isEqualTo(CancelPolicy.Decision.TOO_LATE);
        assertThat(CancelPolicy.decide(OrderState.RATED, Actor.Kind.OPERATOR, placed, late)).isEqualTo(CancelPolicy.Decision.TOO_LATE);
    }

    /** A visit booked from two hours after T0, accepted. */
    static ServiceOrder acceptedForAWindow() {
        ServiceOrder o = ServiceOrder.place(7, "张桂兰", "410902001001", new ServiceOrder.Item(11, "ZC-001", "助餐送餐", 1500, 30, "MEAL"),
                OrderChannel.HOTLINE, OPERATOR, T0, new ServiceOrder.Address("幸福路1号", "410902001001", HOME),
                at(Duration.ofHours(2)), at(Duration.ofHours(4)), null);
        o.assignId(98);
        o.offerTo(30, 300, at(Duration.ofMinutes(11)), OPERATOR, at(Duration.ofMinutes(1)));
        o.accept(CAREGIVER, at(Duration.ofMinutes(2)), "4321");
        return o;
    }

    @Test
    void aBookedVisitCannotBeCheckedInLongBeforeItsWindow() {
        ServiceOrder o = acceptedForAWindow();
        conflict(() -> o.checkIn(CAREGIVER, NEAR, 200, null, at(Duration.ofMinutes(59)), Duration.ofHours(1)),
                "order.check-in.too-early");
        assertThat(o.state()).isEqualTo(OrderState.ACCEPTED);
        o.checkIn(CAREGIVER, NEAR, 200, null, at(Duration.ofMinutes(60)), Duration.ofHours(1));
        assertThat(o.state()).isEqualTo(OrderState.IN_SERVICE);
        assertThat(o.elderName).isEqualTo("张桂兰");
    }

    @Test
    void anAsapVisitHasNoEarliestCheckIn() {
        ServiceOrder o = accepted();
        o.checkIn(CAREGIVER, NEAR, 200, null, at(Duration.ofMinutes(3)), Duration.ofHours(1));
        assertThat(o.state()).isEqualTo(OrderState.IN_SERVICE);
    }

    @Test
    void reasonsAreRefusedOverAThousandCharactersAndNothingChanges() {
        String tooLong = "远".repeat(1001);
        String longest = " " + "远".repeat(1000) + " ";
        ServiceOrder refusing = offered();
        rejected(() -> refusing.refuse(CAREGIVER, tooLong, at(Duration.ofMinutes(2))), "reason", "order.notes.too-long");
        assertThat(refusing.state()).isEqualTo(OrderState.OFFERED);
        refusing.refuse(CAREGIVER, longest, at(Duration.ofMinutes(2)));
        assertThat(refusing.stateReason()).hasSize(1000);

        ServiceOrder checking = accepted();
        rejected(() -> checking.checkIn(CAREGIVER, FAR, 200, tooLong, at(Duration.ofMinutes(3))), "reason", "order.notes.too-long");
        assertThat(checking.state()).isEqualTo(OrderState.ACCEPTED);
        checking.checkIn(CAREGIVER, NEAR, 200, tooLong, at(Duration.ofMinutes(3)));   // inside the geofence the reason is not kept
        assertThat(checking.steps().getLast().reason()).isNull();

        ServiceOrder confirming = completed();
        rejected(() -> confirming.confirm(OPERATOR, null, tooLong, at(Duration.ofHours(1))), "reason", "order.notes.too-long");
        assertThat(confirming.state()).isEqualTo(OrderState.COMPLETED);

        ServiceOrder cancelling = placed();
        rejected(() -> cancelling.cancel(OPERATOR, tooLong, at(Duration.ofMinutes(5))), "reason", "order.notes.too-long");
        assertThat(cancelling.state()).isEqualTo(OrderState.CREATED);
        assertThat(cancelling.steps()).extracting(ServiceOrder.Step::action).containsExactly("place");
    }

    @Test
    void theCaregiversNotesAreKeptAtCheckOut() {
        ServiceOrder o = inService();
        rejected(() -> o.checkOut(CAREGIVER, NEAR, "很".repeat(1001), at(Duration.ofMinutes(50))), "comment", "order.notes.too-long");
        o.checkOut(CAREGIVER, NEAR, "  老人午饭吃得少，已告知家属  ", at(Duration.ofMinutes(50)));
        assertThat(o.caregiverNotes).isEqualTo("老人午饭吃得少，已告知家属");
    }

    @Test
    void fiveWrongCodesPauseCodeEntryAndTenCloseIt() {
        ServiceOrder o = completed();
        Instant t = at(Duration.ofMinutes(56));
        for (int i = 1; i <= 4; i++) {
            rejected(() -> o.confirm(CAREGIVER, "0000", null, t), "code", "order.confirmation.code-wrong");
        }
        rejected(() -> o.confirm(CAREGIVER, "0000", null, t), "code", "order.confirmation.code-wrong-locked");
        assertThat(o.confirmFailures).isEqualTo(5);
        assertThat(o.confirmLockedUntil).isEqualTo(t.plus(Duration.ofMinutes(15)));
        // while locked even the right code waits
        conflict(() -> o.confirm(CAREGIVER, "4321", null, t.plus(Duration.ofMinutes(14))), "order.confirmation.locked");
        Instant later = t.plus(Duration.ofMinutes(15));
        for (int i = 6; i <= 9; i++) {
            rejected(() -> o.confirm(CAREGIVER, "1111", null, later), "code", "order.confirmation.code-wrong");
        }
        rejected(() -> o.confirm(CAREGIVER, "1111", null, later), "code", "order.confirmation.code-wrong-disabled");
        conflict(() -> o.confirm(CAREGIVER, "4321", null, later.plus(Duration.ofHours(1))), "order.confirmation.code-disabled");
        // the family still confirms
        o.confirm(FAMILY, null, null, later.plus(Duration.ofHours(1)));
        assertThat(o.state()).isEqualTo(OrderState.CONFIRMED);
    }

    @Test
    void theRightCodeResetsTheCount() {
        ServiceOrder o = completed();
        Instant t = at(Duration.ofMinutes(56));
        rejected(() -> o.confirm(CAREGIVER, "0000", null, t), "code", "order.confirmation.code-wrong");
        o.confirm(CAREGIVER, "4321", null, t);
        assertThat(o.confirmFailures).isZero();
        assertThat(o.state()).isEqualTo(OrderState.CONFIRMED);
    }
}
