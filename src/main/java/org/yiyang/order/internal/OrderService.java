package org.yiyang.order.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.elder.ElderRecord;
import org.yiyang.elder.ElderRegistry;
import org.yiyang.elder.ElderStatus;
import org.yiyang.identity.Role;
import org.yiyang.order.NewOrder;
import org.yiyang.order.OrderBoard;
import org.yiyang.order.OrderAction;
import org.yiyang.order.OrderChannel;
import org.yiyang.order.OrderQuery;
import org.yiyang.order.OrderState;
import org.yiyang.order.OrderSummary;
import org.yiyang.order.OrderView;
import org.yiyang.order.ServiceOrderPlaced;
import org.yiyang.order.ServiceOrders;
import org.yiyang.order.VisitRecord;
import org.yiyang.provider.CaregiverCandidate;
import org.yiyang.provider.CaregiverDirectory;
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.provider.ServiceCatalogue;
import org.yiyang.provider.ServiceItem;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.NotFoundException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;
import org.yiyang.shared.RuleViolationException;
import org.yiyang.shared.ScopedPrincipal;
import org.yiyang.shared.Violations;

/** The order workflow: loads the order within the caller's scope, lets the aggregate act, keeps history and events. */
@Service
class OrderService implements ServiceOrders {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** A window may open a little in the past (the operator is typing), not more. */
    private static final Duration WINDOW_GRACE = Duration.ofMinutes(5);
    static final int SWEEP_BATCH = 200;

    private static final Set<Actor.Kind> PLACE = EnumSet.of(Actor.Kind.OPERATOR, Actor.Kind.FAMILY, Actor.Kind.SYSTEM);
    private static final Set<Actor.Kind> CAREGIVER = EnumSet.of(Actor.Kind.CAREGIVER);

    private final OrderRepository orders;
    private final PhotoStore photos;
    private final ElderRegistry elders;
    private final ServiceCatalogue catalogue;
    private final CaregiverDirectory caregivers;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final int geofenceMeters;
    private final Duration offerTimeout;
    private final int maxPhotoBytes;
    private final Duration asapDeadline;
    private final Duration checkInEarly;
    private final SecureRandom random = new SecureRandom();

    OrderService(OrderRepository orders, PhotoStore photos, ElderRegistry elders, ServiceCatalogue catalogue,
                 CaregiverDirectory caregivers, ApplicationEventPublisher publisher, ObjectProvider<Clock> clock,
                 @Value("${yiyang.order.geofence-m:200}") int geofenceMeters,
                 @Value("${yiyang.order.offer-timeout:PT10M}") Duration offerTimeout,
                 @Value("${yiyang.order.max-photo-bytes:5242880}") int maxPhotoBytes,
                 @Value("${yiyang.order.asap-deadline:PT4H}") Duration asapDeadline,
                 @Value("${yiyang.order.check-in-early:PT1H}") Duration checkInEarly) {
        this.checkInEarly = checkInEarly;
        this.orders = orders;
        this.photos = photos;
        this.elders = elders;
        this.catalogue = catalogue;
        this.caregivers = caregivers;
        this.publisher = publisher;
        this.clock = clock.getIfAvailable(() -> Clock.system(ZONE));
        this.geofenceMeters = geofenceMeters;
        this.offerTimeout = offerTimeout;
        this.maxPhotoBytes = maxPhotoBytes;
        this.asapDeadline = asapDeadline;
    }

    // ---- placing -----------------------------------------------------------------------------

    @Override
    @Transactional
    public long place(NewOrder in) {
        return placeOrder(in).order().id;
    }

    @Override
    @Transactional
    public OrderView placeAndView(NewOrder in) {
        Placed placed = placeOrder(in);
        List<OrderView.HistoryEntry> history = placed.steps().stream().map(OrderRepository::entry).toList();
        return view(placed.order(), actor(), history, List.of());
    }

    private record Placed(ServiceOrder order, List<ServiceOrder.Step> steps) {
    }

    private Placed placeOrder(NewOrder in) {
        Actor actor = actor();
        allow(actor, PLACE);
        DataScope scope = CurrentUser.scope();
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);   // as stored
        Violations v = new Violations();
        v.require("elderId", in.elderId());
        v.require("serviceItemId", in.serviceItemId());
        ElderRecord elder = in.elderId() == null ? null : elders.findForService(scope, in.elderId());
        if (elder != null && elder.status() != ElderStatus.ACTIVE) {
            v.add("elderId", "order.elder.inactive", elder.status().name());
        }
        ServiceItem item = null;
        if (in.serviceItemId() != null) {
            item = catalogue.findById(in.serviceItemId()).orElse(null);
            if (item == null) {
                v.add("serviceItemId", "order.service-item.unknown", in.serviceItemId());
            } else if (!item.active()) {
                v.add("serviceItemId", "order.service-item.inactive", item.code());
            }
        }
        Instant from = in.windowFrom() == null ? null : in.windowFrom().toInstant();
        Instant to = in.windowTo() == null ? null : in.windowTo().toInstant();
        if ((from == null) != (to == null)) {
            v.add(from == null ? "windowFrom" : "windowTo", "order.window.incomplete");
        } else if (from != null) {
            if (!to.isAfter(from)) {
                v.add("windowTo", "order.window.reversed");
            } else if (!to.isAfter(now) || from.isBefore(now.minus(WINDOW_GRACE))) {
                v.add("windowFrom", "order.window.past");
            }
        }
        ElderRecord.Address address = null;
        if (elder != null) {
            if (in.address() == null || in.address().isBlank()) {
                address = elder.primaryAddress();
            } else {
                String wanted = in.address().strip();
                address = elder.addresses().stream().filter(a -> a.address().strip().equals(wanted)).findFirst().orElse(null);
                if (address == null) {
                    v.add("address", "order.address.not-elders");
                }
            }
            if (address == null && !v.list().stream().anyMatch(f -> f.field().equals("address"))) {
                v.add("address", "order.address.none");
            }
        }
        if (in.notes() != null && in.notes().length() > 1000) {
            v.add("notes", "order.notes.too-long", 1000);
        }
        v.throwIfAny();

        OrderChannel channel = in.channel() != null ? in.channel() : switch (actor.kind()) {
            case FAMILY -> OrderChannel.FAMILY;
            case SYSTEM -> OrderChannel.API;
            default -> OrderChannel.HOTLINE;
        };
        ServiceOrder order = ServiceOrder.place(elder.id(), elder.name(), elder.regionCode(),
                new ServiceOrder.Item(item.id(), item.code(), item.name(), item.price().fen(), item.standardMinutes(),
                        item.requiredSkill() == null ? null : item.requiredSkill().name()),
                channel, actor, now,
                new ServiceOrder.Address(address.address(), address.communityCode(), address.location()),
                from, to, in.notes() == null || in.notes().isBlank() ? null : in.notes().strip());
        long id = orders.insert(order);
        order.assignId(id);
        List<ServiceOrder.Step> steps = order.drainSteps();
        orders.appendSteps(id, steps);
        publisher.publishEvent(new ServiceOrderPlaced(id, elder.id(), item.id(), elder.regionCode(), channel));
        return new Placed(order, steps);
    }

    // ---- reading -----------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public OrderView get(long id) {
        ServiceOrder o = orders.find(id, CurrentUser.scope(), false).orElseThrow(() -> new NotFoundException("order.not-found", id));
        return view(o, actor());
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<OrderSummary> search(OrderQuery query, PageQuery page) {
        if (query.region() != null && !query.region().matches("\\d{2,12}")) {
            throw InputRejectedException.of("region", "order.region.invalid");
        }
        return orders.search(CurrentUser.scope(), query, page, ZONE, clock.instant());
    }

    @Override
    @Transactional(readOnly = true)
    public OrderBoard board(String region, int perColumn) {
        if (region != null && !region.isEmpty() && !region.matches("\\d{2,12}")) {
            throw InputRejectedException.of("region", "order.region.invalid");
        }
        if (perColumn < 1 || perColumn > 200) {
            throw InputRejectedException.of("perColumn", "order.board.per-column", 1, 200);
        }
        DataScope scope = CurrentUser.scope();
        Instant now = clock.instant();
        List<OrderBoard.Card> cards = orders.boardCards(scope, region, perColumn, now);
        Map<Long, org.yiyang.provider.CaregiverCard> names = caregivers.cards(cards.stream()
                .map(OrderBoard.Card::caregiverId).filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        Map<OrderBoard.Column, List<OrderBoard.Card>> columns = new java.util.EnumMap<>(OrderBoard.Column.class);
        for (OrderBoard.Column c : OrderBoard.Column.values()) {
            columns.put(c, new java.util.ArrayList<>());
        }
        for (OrderBoard.Card c : cards) {
            org.yiyang.provider.CaregiverCard who = c.caregiverId() == null ? null : names.get(c.caregiverId());
            columns.get(OrderBoard.Column.of(c.state())).add(who == null ? c : new OrderBoard.Card(c.id(), c.state(),
                    c.elderId(), c.elderName(), c.regionCode(), c.address(), c.serviceName(), c.requiredSkill(), c.placedAt(),
                    c.windowFrom(), c.windowTo(), c.caregiverId(), who.name(), c.offerExpiresAt(), c.risk(),
                    c.unassignableZh(), c.unassignableEn()));
        }
        Map<OrderBoard.Column, Integer> counts = new java.util.EnumMap<>(OrderBoard.Column.class);
        Map<OrderBoard.Column, Integer> atRisk = new java.util.EnumMap<>(OrderBoard.Column.class);
        int completed = 0, cancelled = 0, expired = 0, later = 0;
        Instant startOfToday = java.time.LocalDate.now(clock.withZone(ZONE)).atStartOfDay(ZONE).toInstant();
        for (Map.Entry<String, long[]> e : orders.boardCounts(scope, region, now, startOfToday).entrySet()) {
            if (e.getKey().equals("LATER")) {
                later = (int) e.getValue()[0];
                continue;
            }
            OrderState state = OrderState.valueOf(e.getKey());
            int n = (int) e.getValue()[0];
            switch (state) {
                case COMPLETED, CONFIRMED, RATED -> completed += n;
                case CANCELLED -> cancelled += n;
                case EXPIRED -> expired += n;
                default -> {
                    counts.merge(OrderBoard.Column.of(state), n, Integer::sum);
                    atRisk.merge(OrderBoard.Column.of(state), (int) e.getValue()[1], Integer::sum);
                }
            }
        }
        return new OrderBoard(now, counts, atRisk, columns, completed, cancelled, expired, later);
    }

    // ---- acting ------------------------------------------------------------------------------

    @Override
    @Transactional(noRollbackFor = ServiceOrder.WrongCode.class)
    public OrderView act(long id, String action, OrderAction in) {
        Actor actor = actor();
        OrderAction input = in == null ? OrderAction.empty() : in;
        Set<Actor.Kind> allowed = switch (action) {
            case "dispatch" -> EnumSet.of(Actor.Kind.OPERATOR);
            case "accept", "refuse", "en-route", "check-in", "check-out" -> CAREGIVER;
            case "confirm" -> EnumSet.of(Actor.Kind.CAREGIVER, Actor.Kind.FAMILY, Actor.Kind.OPERATOR);
            case "rate" -> EnumSet.of(Actor.Kind.FAMILY, Actor.Kind.OPERATOR);
            case "cancel" -> EnumSet.of(Actor.Kind.OPERATOR, Actor.Kind.FAMILY, Actor.Kind.PROVIDER, Actor.Kind.SYSTEM);
            default -> throw new NotFoundException("order.action.unknown", action);
        };
        allow(actor, allowed);
        ServiceOrder o = orders.find(id, CurrentUser.scope(), true).orElseThrow(() -> new NotFoundException("order.not-found", id));
        Instant now = clock.instant();
        switch (action) {
            case "dispatch" -> dispatch(o, input, actor, now);
            case "accept" -> o.accept(actor, now, "%04d".formatted(random.nextInt(10_000)));
            case "refuse" -> o.refuse(actor, input.reason(), now);
            case "en-route" -> o.startTravel(actor, input.location(), now);
            case "check-in" -> o.checkIn(actor, requireLocation(input), geofenceMeters, input.reason(), now, checkInEarly);
            case "check-out" -> o.checkOut(actor, requireLocation(input), input.comment(), now);
            case "confirm" -> {
                try {
                    o.confirm(actor, input.code(), input.reason(), now);
                } catch (ServiceOrder.WrongCode wrong) {
                    orders.recordConfirmFailure(o);   // kept: act does not roll back for a wrong code
                    throw wrong;
                }
            }
            case "rate" -> {
                if (input.comment() != null && input.comment().length() > 1000) {
                    throw InputRejectedException.of("comment", "order.notes.too-long", 1000);
                }
                o.rate(actor, input.stars(), input.comment(), now);
            }
            case "cancel" -> o.cancel(actor, input.reason(), now);
            default -> throw new IllegalStateException(action);
        }
        save(o);
        return view(o, actor);
    }

    private void dispatch(ServiceOrder o, OrderAction input, Actor actor, Instant now) {
        if (input.caregiverId() == null) {
            throw InputRejectedException.of("caregiverId", "field.required");
        }
        o.requireAwaitingDispatch();
        LocalDate day = (o.windowFrom == null ? now : o.windowFrom).atZone(ZONE).toLocalDate();
        // The dispatcher may overrule duty hours, load and distance (they may have agreed it on the
        // phone), never the qualification: the skill and a certificate valid on the day.
        CaregiverCandidate candidate = caregivers.activeCaregiver(input.caregiverId())
                .filter(c -> o.item.requiredSkill() == null
                        || c.skills().stream().anyMatch(s -> s.name().equals(o.item.requiredSkill())))
                .filter(c -> c.certificateExpiry() != null && !c.certificateExpiry().isBefore(day))
                .orElseThrow(() -> InputRejectedException.of("caregiverId", "order.dispatch.not-candidate", input.caregiverId()));
        if (o.pastCaregivers().contains(candidate.id())) {
            throw InputRejectedException.of("caregiverId", "order.dispatch.declined-before", input.caregiverId());
        }
        o.offerTo(candidate.id(), candidate.providerId(), now.plus(offerTimeout), actor, now);
    }

    private static org.yiyang.shared.GeoPoint requireLocation(OrderAction input) {
        if (input.location() == null) {
            throw InputRejectedException.of("location", "field.required");
        }
        return input.location();
    }

    @Override
    @Transactional
    public long addPhoto(long id, byte[] content) {
        Actor actor = actor();
        allow(actor, CAREGIVER);
        ServiceOrder o = orders.find(id, CurrentUser.scope(), true).orElseThrow(() -> new NotFoundException("order.not-found", id));
        if (o.caregiverId() == null || !o.caregiverId().equals(actor.caregiverId())) {
            throw RuleViolationException.conflict("order.not-assigned-to-you");
        }
        if (o.state() != OrderState.IN_SERVICE && o.state() != OrderState.COMPLETED) {
            throw RuleViolationException.conflict("order.photo.not-in-service");
        }
        if (content == null || content.length == 0) {
            throw InputRejectedException.of("file", "order.photo.empty");
        }
        if (content.length > maxPhotoBytes) {
            throw InputRejectedException.of("file", "order.photo.too-large", maxPhotoBytes / (1024 * 1024));
        }
        PhotoStore.Kind kind = PhotoStore.detect(content)
                .orElseThrow(() -> InputRejectedException.of("file", "order.photo.not-image"));
        PhotoStore.Stored stored = photos.store(content, kind);
        Instant now = clock.instant();
        long photoId = orders.insertPhoto(id, stored.sha256(), kind.contentType(), content.length, stored.relativePath(),
                actor.userId(), actor.username(), now);
        orders.appendSteps(id, List.of(new ServiceOrder.Step("photo", o.state(), o.state(), actor, now, null, null,
                "sha256=" + stored.sha256())));
        return photoId;
    }

    @Override
    @Transactional(readOnly = true)
    public PhotoFile photo(long orderId, long photoId) {
        orders.find(orderId, CurrentUser.scope(), false).orElseThrow(() -> new NotFoundException("order.not-found", orderId));
        String[] file = orders.photoFile(orderId, photoId)
                .orElseThrow(() -> new NotFoundException("order.photo.not-found", photoId));
        try {
            return new PhotoFile(file[0], java.nio.file.Files.readAllBytes(photos.resolve(file[1])));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("photo " + photoId + " of order " + orderId + " is missing on disk", e);
        }
    }

    @Override
    @Transactional
    public int sweep() {
        Instant now = clock.instant();
        Actor system = Actor.of(0, "system", Actor.Kind.SYSTEM);
        List<ServiceOrder> due = orders.due(now, now.minus(asapDeadline), SWEEP_BATCH);
        for (ServiceOrder o : due) {
            boolean windowClosed = o.windowTo() != null ? !o.windowTo().isAfter(now)
                    : !o.placedAt().isAfter(now.minus(asapDeadline));
            if (windowClosed) {
                o.expire(system, now);
            } else {
                o.expireOffer(system, now);
            }
            save(o);
        }
        return due.size();
    }

    // ---- helpers -----------------------------------------------------------------------------

    private void save(ServiceOrder o) {
        orders.update(o);
        orders.appendSteps(o.id, o.drainSteps());
        o.drainEvents().forEach(publisher::publishEvent);
    }

    private static void allow(Actor actor, Set<Actor.Kind> kinds) {
        if (!kinds.contains(actor.kind())) {
            throw new AccessDeniedException("order action not allowed for " + actor.kind());
        }
    }

    /** The caller as an order actor: kind from the role, caregiver and provider from the scope. */
    static Actor actor() {
        ScopedPrincipal p = CurrentUser.principal().orElseThrow(() -> new AccessDeniedException("not logged in"));
        if (CurrentUser.hasAuthority(Role.CAREGIVER.authority()) && p.scope() instanceof DataScope.Caregiver c) {
            return Actor.caregiver(p.userId(), p.username(), c.caregiverId(), c.providerId());
        }
        if (CurrentUser.hasAuthority(Role.PROVIDER_MANAGER.authority()) && p.scope() instanceof DataScope.Provider pr) {
            return new Actor(p.userId(), p.username(), Actor.Kind.PROVIDER, null, pr.providerId());
        }
        Actor.Kind kind = CurrentUser.hasAuthority(Role.OPERATOR.authority()) ? Actor.Kind.OPERATOR
                : CurrentUser.hasAuthority(Role.FAMILY.authority()) ? Actor.Kind.FAMILY
                : CurrentUser.hasAuthority(Role.SYSTEM.authority()) ? Actor.Kind.SYSTEM
                : CurrentUser.hasAuthority(Role.BUREAU_SUPERVISOR.authority()) ? Actor.Kind.SUPERVISOR
                : Actor.Kind.OTHER;
        return Actor.of(p.userId(), p.username(), kind);
    }

    private OrderView view(ServiceOrder o, Actor viewer) {
        return view(o, viewer, orders.history(o.id), orders.photos(o.id));
    }

    private OrderView view(ServiceOrder o, Actor viewer, List<OrderView.HistoryEntry> history, List<OrderView.Photo> photos) {
        boolean showCode = viewer.kind() == Actor.Kind.FAMILY || viewer.kind() == Actor.Kind.ELDER
                || viewer.kind() == Actor.Kind.OPERATOR || viewer.kind() == Actor.Kind.SUPERVISOR;
        VisitRecord visit = o.checkInAt == null ? null : new VisitRecord(o.item.id(), o.item.code(), o.item.name(), o.elderId,
                o.checkInAt.atZone(ZONE).toLocalDate(), o.checkInLocation, o.address.text(), o.checkInDistance,
                o.checkInDistance <= geofenceMeters, o.checkInReason, o.checkOutLocation,
                o.checkOutDistance, o.caregiverId != null ? o.caregiverId : 0, o.providerId, o.checkInAt, o.checkOutAt,
                o.durationMinutes(), o.durationMinutes() != null && o.durationMinutes() < o.item.standardMinutes());
        OrderView.Unassignable unassignable = o.state == OrderState.CREATED && o.unassignableAt != null
                ? new OrderView.Unassignable(o.unassignableZh, o.unassignableEn, o.unassignableAt) : null;
        OrderView.Caregiver caregiver = null;
        if (o.caregiverId != null) {
            org.yiyang.provider.CaregiverCard card = caregivers.cards(List.of(o.caregiverId)).get(o.caregiverId);
            if (card != null) {
                caregiver = new OrderView.Caregiver(card.id(), card.name(), card.phone(), card.providerId(), card.providerName());
            }
        }
        return new OrderView(o.id, o.state, o.stateReason, unassignable, o.elderId, o.elderName, o.regionCode,
                new OrderView.Service(o.item.id(), o.item.code(), o.item.name(), o.item.priceFen(), o.item.standardMinutes(),
                        o.item.requiredSkill()),
                o.channel, o.placedByName, o.placedAt,
                new OrderView.Address(o.address.text(), o.address.communityCode(), o.address.location()),
                o.windowFrom, o.windowTo, o.notes, o.caregiverId, o.providerId, caregiver, o.offerExpiresAt, o.acceptedAt,
                showCode ? o.confirmationCode : null, visit, o.caregiverNotes, o.confirmedAt, o.confirmedBy, o.rating,
                o.ratingComment, o.ratedAt, history, photos, o.version);
    }
}
