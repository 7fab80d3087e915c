package org.yiyang.dispatch.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.yiyang.dispatch.CandidateChooser;
import org.yiyang.dispatch.CaregiverLoad;
import org.yiyang.dispatch.CaregiverRatings;
import org.yiyang.dispatch.DispatchFilter;
import org.yiyang.dispatch.DispatchRequest;
import org.yiyang.dispatch.DispatchResult;
import org.yiyang.dispatch.NearbyCaregiver;
import org.yiyang.dispatch.NoCandidate;
import org.yiyang.dispatch.ServiceHistory;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.TravelTimeModel;
import org.yiyang.provider.CaregiverCandidate;

/**
 * The {@link CandidateChooser} over a {@link CandidateIndex} snapshot. The usual case touches only
 * the caregivers with the skill in the grid cells around the elder; when that yields nobody, one
 * pass over the whole snapshot applies the filters in {@link DispatchFilter} order to say which one
 * removed the last caregivers.
 */
public final class IndexedCandidateChooser implements CandidateChooser {

    private static final double METERS_PER_DEGREE = 111_195.0;
    /** The first ring searched; each further ring is 2.5 times wider, up to the dispatch radius. */
    private static final double FIRST_RING_METERS = 1_500;

    private final Supplier<CandidateIndex> index;
    private final TravelTimeModel travel;
    private final CaregiverLoad load;
    private final ServiceHistory history;
    private final CaregiverRatings ratings;
    private final DispatchSettings settings;
    private final Clock clock;

    public IndexedCandidateChooser(Supplier<CandidateIndex> index, TravelTimeModel travel, CaregiverLoad load,
                                   ServiceHistory history, CaregiverRatings ratings, DispatchSettings settings, Clock clock) {
        this.index = index;
        this.travel = travel;
        this.load = load;
        this.history = history;
        this.ratings = ratings;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public DispatchResult choose(DispatchRequest request) {
        return choose(request, load);
    }

    /**
     * A batch of dispatches deciding one after another with one read of the caregivers' loads: the
     * loads of the nearest candidates of every request are read at once (one query per day), and
     * each offer made in the batch counts towards its caregiver's load for the next decisions.
     */
    public Batch batch(List<DispatchRequest> requests) {
        CandidateIndex snapshot = index.get();
        double max = settings.maxRadiusMeters();
        Map<LocalDate, java.util.Set<Long>> nearest = new java.util.HashMap<>();
        List<Ring> rings = new ArrayList<>(requests.size());
        for (DispatchRequest r : requests) {
            Duty duty;
            try {
                duty = Duty.of(r, clock);
            } catch (IllegalArgumentException e) {
                rings.add(null);    // choose(i) says why
                continue;
            }
            Ring ring = ring(snapshot, r, duty, Math.min(max, FIRST_RING_METERS));
            while (ring.passed().size() < 2 * settings.maxCandidates() && ring.radius() < max) {
                ring = ring(snapshot, r, duty, Math.min(max, ring.radius() * 2.5));
            }
            rings.add(ring);
            java.util.Set<Long> ids = nearest.computeIfAbsent(r.day(), d -> new java.util.HashSet<>());
            for (int i = 0; i < Math.min(ring.passed().size(), 3 * settings.maxCandidates()); i++) {
                ids.add(ring.passed().get(i).caregiver().id());
            }
        }
        Batch batch = new Batch(requests, rings);
        nearest.forEach(batch::read);
        return batch;
    }

    /** Those with the skill within {@code radius} who pass every rule but the load, nearest first. */
    private record Ring(double radius, List<CandidateRanking.Qualified> passed) {
    }

    private Ring ring(CandidateIndex snapshot, DispatchRequest request, Duty duty, double radius) {
        List<CandidateRanking.Qualified> passed = qualifiedWithin(snapshot, request, duty, radius);
        passed.sort(java.util.Comparator.comparingLong(CandidateRanking.Qualified::travelSeconds));
        return new Ring(radius, List.copyOf(passed));
    }

    /** See {@link #batch}. Not thread-safe: one batch belongs to one dispatch worker. */
    public final class Batch {

        private final List<DispatchRequest> requests;
        private final List<Ring> rings;
        private final Map<LocalDate, Map<Long, Integer>> known = new java.util.HashMap<>();
        private final CaregiverLoad view = new CaregiverLoad() {
            @Override
            public int ordersOn(long caregiverId, LocalDate day) {
                return ordersOn(List.of(caregiverId), day).getOrDefault(caregiverId, 0);
            }

            @Override
            public Map<Long, Integer> ordersOn(java.util.Collection<Long> caregiverIds, LocalDate day) {
                Map<Long, Integer> loads = known.computeIfAbsent(day, d -> new java.util.HashMap<>());
                List<Long> unknown = caregiverIds.stream().filter(id -> !loads.containsKey(id)).toList();
                if (!unknown.isEmpty()) {
                    read(day, unknown);
                }
                Map<Long, Integer> result = new java.util.HashMap<>();
                for (Long id : caregiverIds) {
                    result.put(id, loads.get(id));
                }
                return result;
            }
        };

        private Batch(List<DispatchRequest> requests, List<Ring> rings) {
            this.requests = requests;
            this.rings = rings;
        }

        private void read(LocalDate day, java.util.Collection<Long> ids) {
            Map<Long, Integer> loads = known.computeIfAbsent(day, d -> new java.util.HashMap<>());
            Map<Long, Integer> read = load.ordersOn(ids, day);
            for (Long id : ids) {
                loads.put(id, read.getOrDefault(id, 0));
            }
        }

        /** The decision for the batch's {@code i}-th request. */
        public DispatchResult choose(int i) {
            return IndexedCandidateChooser.this.choose(requests.get(i), view, rings.get(i));
        }

        /** The batch offered an order of {@code day} to the caregiver: one more for the decisions after. */
        public void offered(long caregiverId, LocalDate day) {
            known.computeIfAbsent(day, d -> new java.util.HashMap<>()).merge(caregiverId, 1, Integer::sum);
        }
    }

    private DispatchResult choose(DispatchRequest request, CaregiverLoad load) {
        return choose(request, load, null);
    }

    private DispatchResult choose(DispatchRequest request, CaregiverLoad load, Ring first) {
        CandidateIndex snapshot = index.get();
        Duty duty = Duty.of(request, clock);
        // Nearest first: look close by, and further out only when too few qualify there. Travel
        // time grows with distance, so when enough qualify within a ring nobody beyond it could
        // rank among them; in a dense city this touches a few dozen caregivers instead of thousands.
        double max = settings.maxRadiusMeters();
        Ring ring = first != null ? first : ring(snapshot, request, duty, Math.min(max, FIRST_RING_METERS));
        while (true) {
            List<CandidateRanking.Qualified> qualified = nearestNotOverloaded(ring.passed(), request.day(), load);
            if (qualified.size() >= 2 * settings.maxCandidates() || ring.radius() >= max) {
                if (!qualified.isEmpty()) {
                    return ranked(request, qualified);
                }
                return explain(snapshot, request, duty, load);
            }
            ring = ring(snapshot, request, duty, Math.min(max, ring.radius() * 2.5));
        }
    }

    /** Those with the skill within {@code radius} who pass every rule but the load, in no order. */
    private List<CandidateRanking.Qualified> qualifiedWithin(CandidateIndex snapshot, DispatchRequest request, Duty duty,
                                                             double radius) {
        List<CaregiverCandidate> near = new ArrayList<>();
        snapshot.forEachNear(request.skill(), request.location(), radius, near::add);
        List<CandidateRanking.Qualified> passed = new ArrayList<>();
        GeoPoint at = request.location();
        double metersPerDegreeLng = METERS_PER_DEGREE * Math.cos(Math.toRadians(at.lat()));
        double roughLimit = radius * 1.01;
        for (CaregiverCandidate c : near) {
            // a flat-earth distance (within 0.1 % at this scale, no trigonometry) rules out the far ones
            double dy = (c.home().lat() - at.lat()) * METERS_PER_DEGREE;
            double dx = (c.home().lng() - at.lng()) * metersPerDegreeLng;
            if (dx * dx + dy * dy > roughLimit * roughLimit
                    || !DispatchRules.certificateValidOn(c, request.day())
                    || !c.window().worksOn(request.day())
                    || request.excludedCaregivers().contains(c.id())) {
                continue;
            }
            double distance = c.home().distanceMeters(at);
            if (distance > radius) {
                continue;
            }
            long seconds = travel.seconds(c.home(), at, distance);
            if (DispatchRules.worksInWindow(c, request.day(), duty.from(seconds), duty.to(seconds))) {
                passed.add(new CandidateRanking.Qualified(c, Math.round(distance), seconds, 0));
            }
        }
        return passed;
    }

    /**
     * The nearest of the passed caregivers who are not overloaded: loads are read for the nearest
     * few times as many as a dispatch returns (not for every caregiver within the radius), more
     * only when too many of those are full. {@code passed} comes nearest first.
     */
    private List<CandidateRanking.Qualified> nearestNotOverloaded(List<CandidateRanking.Qualified> passed, LocalDate day,
                                                                  CaregiverLoad load) {
        int chunk = Math.max(1, 3 * settings.maxCandidates());
        List<CandidateRanking.Qualified> result = new ArrayList<>();
        for (int from = 0; from < passed.size() && result.size() < 2 * settings.maxCandidates(); from += chunk) {
            result.addAll(notOverloaded(passed.subList(from, Math.min(passed.size(), from + chunk)), day, load));
        }
        return result;
    }

    @Override
    public List<NearbyCaregiver> nearby(DispatchRequest request, int limit) {
        CandidateIndex snapshot = index.get();
        Duty duty = Duty.of(request, clock);
        List<CaregiverCandidate> near = new ArrayList<>();
        snapshot.forEachNear(request.skill(), request.location(), 2 * settings.maxRadiusMeters(), near::add);
        record Seen(CaregiverCandidate c, double distance, long seconds, DispatchFilter failed) {
        }
        List<Seen> seen = new ArrayList<>();
        for (CaregiverCandidate c : near) {
            double distance = c.home().distanceMeters(request.location());
            if (distance > 2 * settings.maxRadiusMeters()) {
                continue;
            }
            long seconds = travel.seconds(c.home(), request.location());
            DispatchFilter failed = null;
            if (!DispatchRules.certificateValidOn(c, request.day())) {
                failed = DispatchFilter.CERTIFICATE;
            } else if (!DispatchRules.worksInWindow(c, request.day(), duty.from(seconds), duty.to(seconds))) {
                failed = DispatchFilter.OFF_DUTY;
            } else if (!DispatchRules.withinRadius(distance, settings.maxRadiusMeters())) {
                failed = DispatchFilter.TOO_FAR;
            } else if (request.excludedCaregivers().contains(c.id())) {
                failed = DispatchFilter.DECLINED;
            }
            seen.add(new Seen(c, distance, seconds, failed));
        }
        seen.sort(java.util.Comparator.comparingLong(Seen::seconds).thenComparingLong(x -> x.c().id()));
        List<Seen> shown = seen.subList(0, Math.min(limit, seen.size()));
        Map<Long, Integer> loads = load.ordersOn(shown.stream().map(x -> x.c().id()).toList(), request.day());
        List<NearbyCaregiver> result = new ArrayList<>(shown.size());
        for (Seen x : shown) {
            int orders = loads.getOrDefault(x.c().id(), 0);
            DispatchFilter failed = x.failed();
            if (failed == null && !DispatchRules.notOverloaded(orders, x.c().maxDailyOrders())) {
                failed = DispatchFilter.OVERLOADED;
            }
            result.add(new NearbyCaregiver(x.c().id(), x.c().providerId(), x.c().home(), Math.round(x.distance()),
                    x.seconds(), orders, x.c().maxDailyOrders(), failed));
        }
        return result;
    }

    private List<CandidateRanking.Qualified> notOverloaded(List<CandidateRanking.Qualified> passed, LocalDate day,
                                                           CaregiverLoad load) {
        if (passed.isEmpty()) {
            return passed;
        }
        Map<Long, Integer> loads = load.ordersOn(passed.stream().map(q -> q.caregiver().id()).toList(), day);
        List<CandidateRanking.Qualified> result = new ArrayList<>(passed.size());
        for (CandidateRanking.Qualified q : passed) {
            int orders = loads.getOrDefault(q.caregiver().id(), 0);
            if (DispatchRules.notOverloaded(orders, q.caregiver().maxDailyOrders())) {
                result.add(new CandidateRanking.Qualified(q.caregiver(), q.distanceMeters(), q.travelSeconds(), orders));
            }
        }
        return result;
    }

    private DispatchResult ranked(DispatchRequest request, List<CandidateRanking.Qualified> qualified) {
        java.util.Set<Long> served = request.servedBefore() != null ? request.servedBefore() : history.servedBefore(request.elderId());
        return new DispatchResult.Candidates(CandidateRanking.rank(qualified, served,
                ratings, settings.tieTolerance(), request.day(), settings.maxCandidates()));
    }

    /** Applies the filters in order to everyone, counting whom each removed; ranks any survivors. */
    private DispatchResult explain(CandidateIndex snapshot, DispatchRequest request, Duty duty, CaregiverLoad load) {
        Map<DispatchFilter, Integer> eliminated = new EnumMap<>(DispatchFilter.class);
        List<CandidateRanking.Qualified> reached = new ArrayList<>();
        for (CaregiverCandidate c : snapshot.all()) {
            DispatchFilter failed = null;
            double distance = 0;
            long seconds = 0;
            if (!DispatchRules.hasSkill(c, request.skill())) {
                failed = DispatchFilter.SKILL;
            } else if (!DispatchRules.certificateValidOn(c, request.day())) {
                failed = DispatchFilter.CERTIFICATE;
            } else if (!DispatchRules.worksInWindow(c, request.day(), duty.from(0), duty.to(0))) {
                // travel only lengthens the time on duty: off duty without it, off duty with it
                // (and no distance to compute for the many caregivers off duty at that hour)
                failed = DispatchFilter.OFF_DUTY;
            } else {
                distance = c.home().distanceMeters(request.location());
                seconds = travel.seconds(c.home(), request.location());
                if (!DispatchRules.worksInWindow(c, request.day(), duty.from(seconds), duty.to(seconds))) {
                    failed = DispatchFilter.OFF_DUTY;
                } else if (!DispatchRules.withinRadius(distance, settings.maxRadiusMeters())) {
                    failed = DispatchFilter.TOO_FAR;
                }
            }
            if (failed != null) {
                eliminated.merge(failed, 1, Integer::sum);
            } else {
                reached.add(new CandidateRanking.Qualified(c, Math.round(distance), seconds, 0));
            }
        }
        List<CandidateRanking.Qualified> available = notOverloaded(reached, request.day(), load);
        if (available.size() < reached.size()) {
            eliminated.put(DispatchFilter.OVERLOADED, reached.size() - available.size());
        }
        List<CandidateRanking.Qualified> qualified = new ArrayList<>();
        for (CandidateRanking.Qualified q : available) {
            if (request.excludedCaregivers().contains(q.caregiver().id())) {
                eliminated.merge(DispatchFilter.DECLINED, 1, Integer::sum);
            } else {
                qualified.add(q);
            }
        }
        if (!qualified.isEmpty()) {
            return ranked(request, qualified);
        }
        DispatchFilter last = DispatchFilter.SKILL;
        for (DispatchFilter f : DispatchFilter.values()) {
            if (eliminated.getOrDefault(f, 0) > 0) {
                last = f;
            }
        }
        return new NoCandidate(last, request.skill(), settings.maxRadiusMeters(), request.day(), eliminated);
    }

    /**
     * When the caregiver must be on duty, in seconds of the day: for a window, all of it and until
     * the service ends if it outlasts the window; as soon as possible, from now until the service
     * ends after travelling.
     */
    private record Duty(int start, int end, boolean asap) {

        static Duty of(DispatchRequest r, Clock clock) {
            int minutes = r.standardMinutes() * 60;
            if (!r.asSoonAsPossible()) {
                int start = r.windowStart().toSecondOfDay();
                return new Duty(start, Math.max(r.windowEnd().toSecondOfDay(), start + minutes), false);
            }
            LocalDate today = LocalDate.now(clock);
            if (!r.day().equals(today)) {
                throw new IllegalArgumentException("as soon as possible is for today (" + today + "), not " + r.day());
            }
            int now = LocalTime.now(clock).toSecondOfDay();
            return new Duty(now, now + minutes, true);
        }

        int from(long travelSeconds) {
            return start;
        }

        int to(long travelSeconds) {
            return asap ? (int) Math.min(Integer.MAX_VALUE, end + travelSeconds) : end;
        }
    }
}
