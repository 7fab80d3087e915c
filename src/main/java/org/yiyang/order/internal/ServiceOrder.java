package org.yiyang.order.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.yiyang.order.OrderChannel;
import org.yiyang.order.OrderState;
import org.yiyang.order.ServiceOrderAccepted;
import org.yiyang.order.ServiceOrderCancelled;
import org.yiyang.order.ServiceOrderCheckedIn;
import org.yiyang.order.ServiceOrderCompleted;
import org.yiyang.order.ServiceOrderConfirmed;
import org.yiyang.order.ServiceOrderDispatched;
import org.yiyang.order.ServiceOrderExpired;
import org.yiyang.order.ServiceOrderOfferExpired;
import org.yiyang.order.ServiceOrderRated;
import org.yiyang.order.ServiceOrderRefused;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.RuleViolationException;

/**
 * The service order aggregate and its state machine:
 * <pre>
 * CREATED → OFFERED (one caregiver, until an expiry) → ACCEPTED → [EN_ROUTE] → IN_SERVICE (check-in)
 *         → COMPLETED (check-out) → CONFIRMED (elder's confirmation) → RATED
 * OFFERED → CREATED on refusal (with a reason) or when the offer expires
 * CREATED/OFFERED → EXPIRED when the window closed before anyone accepted
 * any state before IN_SERVICE → CANCELLED (see {@link CancelPolicy})
 * </pre>
 * Each workflow step checks the state and the actor, changes the fields, and records a
 * {@link Step} for the history and a module event; the service persists both. A step the state
 * does not allow throws {@link RuleViolationException#conflict} (409).
 */
public final class ServiceOrder {

    /** One history entry to append. */
    public record Step(String action, OrderState from, OrderState to, Actor actor, Instant at, GeoPoint location,
                       String reason, String detail) {
    }

    public record Item(long id, String code, String name, long priceFen, int standardMinutes, String requiredSkill) {
    }

    public record Address(String text, String communityCode, GeoPoint location) {
    }

    Long id;
    final long elderId;
    final String regionCode;
    final Item item;
    final OrderChannel channel;
    final long placedBy;
    final String placedByName;
    final Instant placedAt;
    final Address address;
    final Instant windowFrom;
    final Instant windowTo;
    final String notes;
    OrderState state;
    String stateReason;
    Long caregiverId;
    Long providerId;
    final Set<Long> pastCaregivers = new LinkedHashSet<>();
    Instant offerExpiresAt;
    Instant acceptedAt;
    String confirmationCode;
    Instant checkInAt;
    GeoPoint checkInLocation;
    Integer checkInDistance;
    String checkInReason;
    Instant checkOutAt;
    GeoPoint checkOutLocation;
    Integer checkOutDistance;
    Instant confirmedAt;
    String confirmedBy;
    Integer rating;
    String ratingComment;
    Instant ratedAt;
    /** Why automatic dispatch found nobody (set by the platform while the order awaits dispatch). */
    String unassignableZh;
    String unassignableEn;
    Instant unassignableAt;
    /** When automatic dispatch should next try the order (while it awaits dispatch); null otherwise. */
    Instant dispatchDueAt;
    int version;
    /** The elder's name when the order was placed (null for orders placed before it was kept). */
    String elderName;
    /** What the caregiver noted at check-out. */
    String caregiverNotes;
    /** Wrong confirmation codes entered in a row, and until when code entry is locked. */
    int confirmFailures;
    Instant confirmLockedUntil;

    /** Wrong codes in a row before code entry locks for {@link #CONFIRM_LOCK}. */
    static final int CONFIRM_ATTEMPTS = 5;
    /** Wrong codes in all after which only the family or an operator can confirm. */
    static final int CONFIRM_ATTEMPTS_TOTAL = 10;
    static final java.time.Duration CONFIRM_LOCK = java.time.Duration.ofMinutes(15);
    /** The longest reason, note or comment a step keeps (a step's text is shown in the history on every order page). */
    static final int MAX_TEXT = 1000;

    private final List<Step> steps = new ArrayList<>();
    private final List<Object> events = new ArrayList<>();

    ServiceOrder(Long id, long elderId, String regionCode, Item item, OrderChannel channel, long placedBy,
                 String placedByName, Instant placedAt, Address address, Instant windowFrom, Instant windowTo,
                 String notes, OrderState state) {
        this.id = id;
        this.elderId = elderId;
        this.regionCode = regionCode;
        this.item = item;
        this.channel = channel;
        this.placedBy = placedBy;
        this.placedByName = placedByName;
        this.placedAt = placedAt;
        this.address = address;
        this.windowFrom = windowFrom;
        this.windowTo = windowTo;
        this.notes = notes;
        this.state = state;
    }

    /** A new order, awaiting dispatch. The window is null/null for "as soon as possible". */
    public static ServiceOrder place(long elderId, String regionCode, Item item, OrderChannel channel, Actor by,
                                     Instant now, Address address, Instant windowFrom, Instant windowTo, String notes) {
        ServiceOrder o = new ServiceOrder(null, elderId, regionCode, item, channel, by.userId(), by.username(), now,
                address, windowFrom, windowTo, notes, OrderState.CREATED);
        o.steps.add(new Step("place", null, OrderState.CREATED, by, now, null, null, null));
        o.dispatchDueAt = now;
        return o;
    }

    /** As {@link #place}, keeping the elder's name as it is now for boards and timelines. */
    public static ServiceOrder place(long elderId, String elderName, String regionCode, Item item, OrderChannel channel, Actor by,
                                     Instant now, Address address, Instant windowFrom, Instant windowTo, String notes) {
        ServiceOrder o = place(elderId, regionCode, item, channel, by, now, address, windowFrom, windowTo, notes);
        o.elderName = elderName;
        return o;
    }

    // ---- workflow --------------------------------------------------------------------------

    /** Throws the state's conflict unless the order awaits dispatch (checked before looking for the caregiver). */
    public void requireAwaitingDispatch() {
        if (state != OrderState.CREATED) {
            throw conflictFor(state == OrderState.OFFERED ? "order.already-offered" : null);
        }
    }

    /** Offers the order to one caregiver until {@code expiresAt}. */
    public void offerTo(long caregiver, long provider, Instant expiresAt, Actor by, Instant now) {
        requireAwaitingDispatch();
        if (!expiresAt.isAfter(now)) {
            throw new IllegalArgumentException("offer expiry must lie in the future");
        }
        OrderState from = state;
        state = OrderState.OFFERED;
        stateReason = null;
        caregiverId = caregiver;
        providerId = provider;
        offerExpiresAt = expiresAt;
        dispatchDueAt = null;
        steps.add(new Step("dispatch", from, state, by, now, null, null, "caregiver=" + caregiver));
        events.add(new ServiceOrderDispatched(id(), caregiver, provider, expiresAt));
    }

    /** The offered caregiver takes the order; {@code code} is the elder's confirmation code. */
    public void accept(Actor by, Instant now, String code) {
        requireOffered(by);
        if (!now.isBefore(offerExpiresAt)) {
            throw RuleViolationException.conflict("order.offer-expired");
        }
        OrderState from = state;
        state = OrderState.ACCEPTED;
        acceptedAt = now;
        offerExpiresAt = null;
        confirmationCode = code;
        steps.add(new Step("accept", from, state, by, now, null, null, null));
        events.add(new ServiceOrderAccepted(id(), caregiverId, providerId));
    }

    /** The offered caregiver declines (a reason is required); the order awaits dispatch again. */
    public void refuse(Actor by, String reason, Instant now) {
        requireOffered(by);
        if (reason == null || reason.isBlank()) {
            throw InputRejectedException.of("reason", "order.reason.required");
        }
        requireShort("reason", reason);
        long refusing = caregiverId;
        backToDispatch(reason.strip(), now);
        steps.add(new Step("refuse", OrderState.OFFERED, state, by, now, null, stateReason, "caregiver=" + refusing));
        events.add(new ServiceOrderRefused(id(), refusing, stateReason));
    }

    /** The offer ran out unanswered; the order awaits dispatch again. */
    public void expireOffer(Actor system, Instant now) {
        if (state != OrderState.OFFERED || now.isBefore(offerExpiresAt)) {
            throw conflictFor(null);
        }
        long unanswered = caregiverId;
        backToDispatch("order.reason.offer-expired", now);
        steps.add(new Step("offer-expired", OrderState.OFFERED, state, system, now, null, stateReason, "caregiver=" + unanswered));
        events.add(new ServiceOrderOfferExpired(id(), unanswered));
    }

    /** The assigned caregiver sets off (optional step). */
    public void startTravel(Actor by, GeoPoint where, Instant now) {
        if (state != OrderState.ACCEPTED) {
            throw conflictFor(null);
        }
        requireAssigned(by);
        state = OrderState.EN_ROUTE;
        steps.add(new Step("en-route", OrderState.ACCEPTED, state, by, now, where, null, null));
    }

    /**
     * The assigned caregiver arrives. A check-in farther from the address than {@code geofenceMeters}
     * needs a reason.
     */
    public void checkIn(Actor by, GeoPoint where, int geofenceMeters, String reason, Instant now) {
        checkIn(by, where, geofenceMeters, reason, now, null);
    }

    /**
     * The assigned caregiver arrives. With {@code earliest} set, a visit booked for a window cannot
     * be checked in more than that long before the window opens ({@code order.check-in.too-early}):
     * a visit recorded hours ahead of its booking is how back-filled visits look.
     */
    public void checkIn(Actor by, GeoPoint where, int geofenceMeters, String reason, Instant now, java.time.Duration earliest) {
        if (state != OrderState.ACCEPTED && state != OrderState.EN_ROUTE) {
            throw conflictFor(null);
        }
        requireAssigned(by);
        if (earliest != null && windowFrom != null && now.isBefore(windowFrom.minus(earliest))) {
            throw RuleViolationException.conflict("order.check-in.too-early", earliest.toMinutes());
        }
        int distance = (int) Math.round(where.distanceMeters(address.location()));
        boolean outside = distance > geofenceMeters;
        if (outside && (reason == null || reason.isBlank())) {
            throw InputRejectedException.of("reason", "order.check-in.outside-geofence", distance, geofenceMeters);
        }
        if (outside) {
            requireShort("reason", reason);
        }
        OrderState from = state;
        state = OrderState.IN_SERVICE;
        checkInAt = now;
        checkInLocation = where;
        checkInDistance = distance;
        checkInReason = outside ? reason.strip() : null;
        steps.add(new Step("check-in", from, state, by, now, where, checkInReason, "distance=" + distance));
        events.add(new ServiceOrderCheckedIn(id(), caregiverId, distance, outside));
    }

    /** The assigned caregiver leaves: the visit is complete. */
    public void checkOut(Actor by, GeoPoint where, Instant now) {
        checkOut(by, where, null, now);
    }

    /** The assigned caregiver leaves, with what they noted (optional): the visit is complete. */
    public void checkOut(Actor by, GeoPoint where, String notes, Instant now) {
        if (state != OrderState.IN_SERVICE) {
            throw conflictFor(null);
        }
        requireAssigned(by);
        requireShort("comment", notes);
        caregiverNotes = notes == null || notes.isBlank() ? null : notes.strip();
        int distance = (int) Math.round(where.distanceMeters(address.location()));
        state = OrderState.COMPLETED;
        checkOutAt = now;
        checkOutLocation = where;
        checkOutDistance = distance;
        steps.add(new Step("check-out", OrderState.IN_SERVICE, state, by, now, where, null, "distance=" + distance));
        events.add(new ServiceOrderCompleted(id(), caregiverId, elderId, item.id(), durationMinutes()));
    }

    /**
     * The elder confirms the visit: the assigned caregiver enters the code the elder reads out;
     * the family confirms directly; an operator confirms on the elder's behalf with a reason (回访).
     */
    public void confirm(Actor by, String code, String reason, Instant now) {
        if (state != OrderState.COMPLETED) {
            throw conflictFor(state == OrderState.CONFIRMED || state == OrderState.RATED ? "order.already-confirmed" : null);
        }
        String how;
        switch (by.kind()) {
            case CAREGIVER -> {
                requireAssigned(by);
                if (confirmFailures >= CONFIRM_ATTEMPTS_TOTAL) {
                    throw RuleViolationException.conflict("order.confirmation.code-disabled");
                }
                if (confirmLockedUntil != null && now.isBefore(confirmLockedUntil)) {
                    throw RuleViolationException.conflict("order.confirmation.locked",
                            Math.max(1, java.time.Duration.between(now, confirmLockedUntil).toMinutes() + 1));
                }
                if (code == null || code.isBlank()) {
                    throw InputRejectedException.of("code", "order.confirmation.code-required");
                }
                if (!code.strip().equals(confirmationCode)) {
                    confirmFailures++;
                    if (confirmFailures >= CONFIRM_ATTEMPTS_TOTAL) {
                        throw new WrongCode("order.confirmation.code-wrong-disabled");
                    }
                    if (confirmFailures % CONFIRM_ATTEMPTS == 0) {
                        confirmLockedUntil = now.plus(CONFIRM_LOCK);
                        throw new WrongCode("order.confirmation.code-wrong-locked", CONFIRM_LOCK.toMinutes());
                    }
                    throw new WrongCode("order.confirmation.code-wrong", CONFIRM_ATTEMPTS - confirmFailures % CONFIRM_ATTEMPTS);
                }
                confirmFailures = 0;
                confirmLockedUntil = null;
                how = "code";
            }
            case FAMILY, ELDER -> how = "family";
            case OPERATOR -> {
                if (reason == null || reason.isBlank()) {
                    throw InputRejectedException.of("reason", "order.reason.required");
                }
                requireShort("reason", reason);
                how = "operator";
            }
            default -> throw RuleViolationException.conflict("order.confirm.not-allowed");
        }
        state = OrderState.CONFIRMED;
        confirmedAt = now;
        confirmedBy = how;
        steps.add(new Step("confirm", OrderState.COMPLETED, state, by, now, null,
                reason == null || reason.isBlank() ? null : reason.strip(), "by=" + how));
        events.add(new ServiceOrderConfirmed(id(), elderId));
    }

    /** The elder's side rates the visit once, 1–5 stars, after it was completed. */
    public void rate(Actor by, Integer stars, String comment, Instant now) {
        if (state == OrderState.RATED || rating != null) {
            throw RuleViolationException.conflict("order.already-rated");
        }
        if (state != OrderState.COMPLETED && state != OrderState.CONFIRMED) {
            throw RuleViolationException.conflict("order.not-completed");
        }
        if (stars == null || stars < 1 || stars > 5) {
            throw InputRejectedException.of("stars", "order.rating.invalid");
        }
        OrderState from = state;
        state = OrderState.RATED;
        rating = stars;
        ratingComment = comment == null || comment.isBlank() ? null : comment.strip();
        ratedAt = now;
        steps.add(new Step("rate", from, state, by, now, null, null, "stars=" + stars));
        events.add(new ServiceOrderRated(id(), elderId, caregiverId, stars));
    }

    /** Cancels under the {@link CancelPolicy}. */
    public void cancel(Actor by, String reason, Instant now) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        requireShort("reason", why);
        switch (CancelPolicy.decide(state, by.kind(), placedAt, now)) {
            case FREE -> {
            }
            case REASON_REQUIRED -> {
                if (why == null) {
                    throw InputRejectedException.of("reason", "order.cancel.reason-required");
                }
                if (by.kind() == Actor.Kind.PROVIDER && (providerId == null || !providerId.equals(by.providerId()))) {
                    throw RuleViolationException.conflict("order.cancel.not-allowed");
                }
            }
            case NOT_ALLOWED -> throw RuleViolationException.conflict("order.cancel.not-allowed");
            case TOO_LATE -> throw conflictFor("order.cancel.too-late");
        }
        OrderState from = state;
        state = OrderState.CANCELLED;
        stateReason = why;
        offerExpiresAt = null;
        dispatchDueAt = null;
        steps.add(new Step("cancel", from, state, by, now, null, why, null));
        events.add(new ServiceOrderCancelled(id(), elderId, from, why));
    }

    /** Nobody accepted before the window closed (or within the ASAP deadline). */
    public void expire(Actor system, Instant now) {
        if (state != OrderState.CREATED && state != OrderState.OFFERED) {
            throw conflictFor(null);
        }
        OrderState from = state;
        state = OrderState.EXPIRED;
        stateReason = "order.reason.window-closed";
        offerExpiresAt = null;
        dispatchDueAt = null;
        steps.add(new Step("expire", from, state, system, now, null, stateReason, null));
        events.add(new ServiceOrderExpired(id(), elderId));
    }

    // ---- queries ---------------------------------------------------------------------------

    /** Whole minutes between check-in and check-out; null before check-out. */
    public Integer durationMinutes() {
        return checkInAt == null || checkOutAt == null ? null : (int) Duration.between(checkInAt, checkOutAt).toMinutes();
    }

    public OrderState state() {
        return state;
    }

    public Long caregiverId() {
        return caregiverId;
    }

    public Long providerId() {
        return providerId;
    }

    public String confirmationCode() {
        return confirmationCode;
    }

    public Integer checkInDistance() {
        return checkInDistance;
    }

    public String stateReason() {
        return stateReason;
    }

    public Instant windowTo() {
        return windowTo;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public Set<Long> pastCaregivers() {
        return Set.copyOf(pastCaregivers);
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    public List<Object> events() {
        return List.copyOf(events);
    }

    /** Hands over the recorded steps and events (the service persists and publishes them) and forgets them. */
    List<Step> drainSteps() {
        List<Step> s = List.copyOf(steps);
        steps.clear();
        return s;
    }

    List<Object> drainEvents() {
        List<Object> e = List.copyOf(events);
        events.clear();
        return e;
    }

    /** Replaces the placeholder id of events recorded before the first save. */
    void assignId(long newId) {
        this.id = newId;
    }

    // ---- helpers ---------------------------------------------------------------------------

    private long id() {
        return id == null ? 0 : id;
    }

    private void backToDispatch(String reason, Instant now) {
        pastCaregivers.add(caregiverId);
        dispatchDueAt = now;
        state = OrderState.CREATED;
        stateReason = reason;
        caregiverId = null;
        providerId = null;
        offerExpiresAt = null;
    }

    private void requireOffered(Actor by) {
        if (state != OrderState.OFFERED) {
            throw conflictFor(null);
        }
        if (by.kind() != Actor.Kind.CAREGIVER || !caregiverId.equals(by.caregiverId())) {
            throw RuleViolationException.conflict("order.not-offered-to-you");
        }
    }

    private void requireAssigned(Actor by) {
        if (by.kind() != Actor.Kind.CAREGIVER || caregiverId == null || !caregiverId.equals(by.caregiverId())) {
            throw RuleViolationException.conflict("order.not-assigned-to-you");
        }
    }

    /** The conflict for the current state: why the step is out of place. */
    private RuleViolationException conflictFor(String specific) {
        if (specific != null) {
            return RuleViolationException.conflict(specific);
        }
        return RuleViolationException.conflict(switch (state) {
            case CREATED -> "order.not-offered";
            case OFFERED -> "order.not-accepted";
            case ACCEPTED, EN_ROUTE -> "order.already-accepted";
            case IN_SERVICE -> "order.already-checked-in";
            case COMPLETED, CONFIRMED -> "order.already-completed";
            case RATED -> "order.already-rated";
            case CANCELLED -> "order.cancelled";
            case EXPIRED -> "order.expired";
        });
    }

    /**
     * A wrong confirmation code ({@code order.confirmation.code-wrong}, 400). The failure count it
     * raised is stored although the action fails: see {@link OrderService}.
     */
    /** A reason or note longer than {@link #MAX_TEXT} (stripped) is refused: it was stored whatever its size. */
    private static void requireShort(String field, String text) {
        if (text != null && text.strip().length() > MAX_TEXT) {
            throw InputRejectedException.of(field, "order.notes.too-long", MAX_TEXT);
        }
    }

    static final class WrongCode extends InputRejectedException {

        WrongCode(String code, Object... args) {
            super(List.of(new org.yiyang.shared.FieldViolation("code", code, args)));
        }
    }
}
