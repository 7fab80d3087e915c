package org.yiyang.coverage.internal;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiyang.coverage.CandidateSite;
import org.yiyang.coverage.CoverageReport;
import org.yiyang.coverage.DemandPoint;
import org.yiyang.coverage.PlanningData;
import org.yiyang.coverage.PlanningInstance;
import org.yiyang.coverage.CoverageRow;
import org.yiyang.coverage.CoverageStatus;
import org.yiyang.coverage.FacilityGap;
import org.yiyang.coverage.HexMap;
import org.yiyang.coverage.ServiceCoverage;
import org.yiyang.coverage.UncoveredElder;
import org.yiyang.coverage.internal.CoverageIndex.ElderPoint;
import org.yiyang.coverage.internal.CoverageIndex.SitePoint;
import org.yiyang.elder.ElderLocations;
import org.yiyang.elder.ElderSummary;
import org.yiyang.elder.LocatedElder;
import org.yiyang.provider.Facility;
import org.yiyang.provider.FacilityQuery;
import org.yiyang.provider.FacilityStatus;
import org.yiyang.provider.FacilityType;
import org.yiyang.provider.ProviderDirectory;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.NotFoundException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.RegionLevel;

/**
 * Holds the city's {@link CoverageIndex} and answers from it. The index is built in full on
 * start (in the background), on a schedule and on demand; facility and elder changes update it
 * in place. A full rebuild reads everything afresh while the old index keeps answering; changes
 * that arrive meanwhile are applied to the new one once it is swapped in.
 */
public class CoverageService implements ServiceCoverage, PlanningData {

    private static final Logger log = LoggerFactory.getLogger(CoverageService.class);
    static final double NEAREST_LIMIT_M = 5_000;

    private final ElderLocations elders;
    private final ProviderDirectory providers;
    private final RegionDirectory regions;
    private final WalkModel walk;
    private final CircleRules rules;
    private final ElderWeights weights;
    private final double detourFactor;
    private final Clock clock;
    private final Supplier<H3Core> h3;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Object rebuilding = new Object();
    private volatile CoverageIndex index;
    private volatile ConcurrentLinkedQueue<Runnable> pending;
    private volatile Instant computedAt = Instant.EPOCH;
    private volatile long lastFullMillis;
    private final AtomicLong updates = new AtomicLong();
    private final Map<Long, String> siteNames = new ConcurrentHashMap<>();
    private final Map<Long, String> siteRegions = new ConcurrentHashMap<>();
    private final Map<String, Boolean> villages = new ConcurrentHashMap<>();
    private final Map<Integer, Map<Long, Long>> hexCache = new ConcurrentHashMap<>();

    public CoverageService(ElderLocations elders, ProviderDirectory providers, RegionDirectory regions, WalkModel walk,
                           CircleRules rules, ElderWeights weights, double detourFactor, Clock clock) {
        this.elders = elders;
        this.providers = providers;
        this.regions = regions;
        this.walk = walk;
        this.rules = rules;
        this.weights = weights;
        this.detourFactor = detourFactor;
        this.clock = clock;
        this.h3 = new Supplier<>() {
            private H3Core core;

            @Override
            public synchronized H3Core get() {
                if (core == null) {
                    try {
                        core = H3Core.newInstance();
                    } catch (IOException e) {
                        throw new IllegalStateException("H3 native library did not load", e);
                    }
                }
                return core;
            }
        };
    }

    // ---- building and changing ----

    @Override
    public void recomputeAll() {
        synchronized (rebuilding) {
            pending = new ConcurrentLinkedQueue<>();
            long started = System.nanoTime();
            CoverageIndex fresh = build();
            lock.writeLock().lock();
            try {
                index = fresh;
                hexCache.clear();
                computedAt = clock.instant();
                lastFullMillis = (System.nanoTime() - started) / 1_000_000;
                ConcurrentLinkedQueue<Runnable> queued = pending;
                pending = null;
                Runnable r;
                while ((r = queued.poll()) != null) {
                    r.run();
                }
            } finally {
                lock.writeLock().unlock();
            }
            log.info("Coverage: {} elders, {} facilities, {} travel, computed in {} ms", fresh.elderCount(),
                    fresh.siteCount(), walk.name(), lastFullMillis);
        }
    }

    private CoverageIndex build() {
        CoverageIndex fresh = new CoverageIndex(walk, rules, referenceLatitude());
        LocalDate today = LocalDate.now(clock);
        elders.forEachActive(e -> fresh.loadElder(point(e, today)));
        for (Facility f : openFacilities()) {
            fresh.loadSite(site(f));
            remember(f);
        }
        fresh.computeAll();
        return fresh;
    }

    /** Reads these elders again and updates their bitsets (those no longer active leave). */
    public void eldersChanged(List<Long> ids) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, LocatedElder> now = new HashMap<>();
        for (LocatedElder e : elders.findActive(ids)) {
            now.put(e.id(), e);
        }
        Runnable apply = () -> {
            CoverageIndex current = index;
            for (Long id : ids) {
                LocatedElder e = now.get(id);
                if (e == null) {
                    current.removeElder(id);
                } else {
                    current.putElder(point(e, today));
                }
                hexCache.values().forEach(m -> m.remove(id));
            }
        };
        change(apply, () -> eldersChanged(ids));
    }

    /** Reads this facility again: open ones are placed (or moved), closed or vanished ones leave. */
    public void facilityChanged(long id) {
        Optional<Facility> found = findFacility(id);
        Runnable apply = () -> {
            if (found.isPresent() && found.get().status() == FacilityStatus.OPEN) {
                index.putSite(site(found.get()));
                remember(found.get());
            } else {
                index.removeSite(id);
            }
        };
        change(apply, () -> facilityChanged(id));
    }

    private void change(Runnable apply, Runnable again) {
        lock.writeLock().lock();
        try {
            ConcurrentLinkedQueue<Runnable> queue = pending;
            if (queue != null) {
                // a rebuild is reading the database: read again once it is in place
                queue.add(again);
            }
            if (index != null) {
                apply.run();
                updates.incrementAndGet();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void remember(Facility f) {
        siteNames.put(f.id(), f.name());
        siteRegions.put(f.id(), f.regionCode().value());
    }

    private ElderPoint point(LocatedElder e, LocalDate today) {
        return new ElderPoint(e.id(), e.community().value(), e.location(), isVillage(e.community()), weights.of(e, today));
    }

    private static SitePoint site(Facility f) {
        return new SitePoint(f.id(), f.type(), f.location());
    }

    /** A village (村) by the region's urban-rural class (2xx), or by its code when the class is not recorded. */
    boolean isVillage(RegionCode community) {
        return villages.computeIfAbsent(community.value(), code -> regions.find(community)
                .map(r -> r.urbanRural() != null && !r.urbanRural().isBlank() ? r.urbanRural().startsWith("2") : r.isVillage())
                .orElse(community.isVillage()));
    }

    private double referenceLatitude() {
        List<Region> cities = regions.ofLevel(RegionLevel.CITY);
        return cities.isEmpty() || cities.getFirst().centroid() == null ? 35.0 : cities.getFirst().centroid().lat();
    }

    /** The scopes a platform job reads facilities with: every province (or city) of the tree. */
    private List<DataScope> everywhere() {
        List<Region> tops = regions.ofLevel(RegionLevel.PROVINCE);
        if (tops.isEmpty()) {
            tops = regions.ofLevel(RegionLevel.CITY);
        }
        return tops.stream().map(r -> (DataScope) new DataScope.Region(r.code().prefix())).toList();
    }

    private List<Facility> openFacilities() {
        List<Facility> all = new ArrayList<>();
        for (DataScope scope : everywhere()) {
            int page = 0;
            while (true) {
                PageResult<Facility> result = providers.facilities(FacilityQuery.all(new PageQuery(page, PageResult.MAX_SIZE)), scope);
                result.items().stream().filter(f -> f.status() == FacilityStatus.OPEN).forEach(all::add);
                if (!result.hasNext()) break;
                page++;
            }
        }
        return all;
    }

    private Optional<Facility> findFacility(long id) {
        for (DataScope scope : everywhere()) {
            Optional<Facility> f = providers.findFacility(id, scope);
            if (f.isPresent()) return f;
        }
        return Optional.empty();
    }

    /** The index, building it first if nothing was built yet. */
    CoverageIndex ready() {
        if (index == null) {
            synchronized (rebuilding) {
                if (index == null) {
                    recomputeAll();
                }
            }
        }
        return index;
    }

    // ---- answering ----

    /** A region the scope may see, and the type mask. */
    record Ask(Region region, int typeMask, String typeName) {
    }

    Ask ask(DataScope scope, String regionText, String typeText) {
        if (!(scope instanceof DataScope.Region r)) {
            throw new NotFoundException("region.not-found", regionText);
        }
        String code = regionText == null || regionText.isBlank() ? (r.prefix() + "000000000000").substring(0, 12) : regionText.trim();
        if (!RegionCode.isWellFormed(code)) {
            throw InputRejectedException.of("region", "region.code.invalid", code);
        }
        RegionCode rc = RegionCode.of(code);
        if (!rc.value().startsWith(r.prefix())) {
            throw new NotFoundException("region.not-found", code);
        }
        Region region = regions.find(rc).orElseThrow(() -> new NotFoundException("region.not-found", code));
        if (typeText == null || typeText.isBlank() || typeText.trim().equalsIgnoreCase("ANY")) {
            return new Ask(region, CoverageIndex.anyType(), "ANY");
        }
        try {
            FacilityType t = FacilityType.valueOf(typeText.trim().toUpperCase(java.util.Locale.ROOT));
            return new Ask(region, CoverageIndex.bit(t), t.name());
        } catch (IllegalArgumentException e) {
            throw InputRejectedException.of("type", "coverage.type.invalid", typeText);
        }
    }

    @Override
    public CoverageReport report(DataScope scope, String regionText, String type, boolean weighted) {
        Ask ask = ask(scope, regionText, type);
        Region region = ask.region();
        List<Region> children = region.level() == RegionLevel.COMMUNITY ? List.of() : regions.children(region.code());
        int childDigits = children.isEmpty() ? 0 : children.getFirst().level().digits();
        CoverageTally tally;
        Instant at;
        CoverageIndex current = ready();
        lock.readLock().lock();
        try {
            tally = CoverageTally.of(current, region.code().prefix(), childDigits, ask.typeMask());
            at = computedAt;
        } finally {
            lock.readLock().unlock();
        }
        List<CoverageRow> rows = children.stream()
                .map(c -> row(c, tally.group(c.code().prefix()), weighted)).toList();
        return new CoverageReport(region.code().value(), region.name(), region.level(), ask.typeName(), weighted,
                row(region, tally.total(), weighted), rows,
                new CoverageReport.Circle(walk.name(), rules.walkingSpeedKmh(), detourFactor, rules.urbanMinutes(),
                        rules.villageMeters()), at);
    }

    private static CoverageRow row(Region r, CoverageTally.Counts c, boolean weighted) {
        return new CoverageRow(r.code().value(), r.name(), r.level(), c.elders(), c.covered(), c.share(),
                weighted ? c.weight() : null, weighted ? c.coveredWeight() : null, weighted ? c.weightedShare() : null);
    }

    private record Gap(long id, double weight, String community) {
    }

    @Override
    public PageResult<UncoveredElder> uncovered(DataScope scope, String regionText, String type, PageQuery page) {
        Ask ask = ask(scope, regionText, type);
        CoverageIndex current = ready();
        List<Gap> gaps = new ArrayList<>();
        Map<Long, Double> nearest = new HashMap<>();
        List<Gap> pageGaps;
        lock.readLock().lock();
        try {
            current.forEachElder(ask.region().code().prefix(), (slot, id, community, location, weight, mask) -> {
                if ((mask & ask.typeMask()) == 0) {
                    gaps.add(new Gap(id, weight, community));
                }
            });
            gaps.sort(Comparator.comparingDouble(Gap::weight).reversed().thenComparing(Gap::community).thenComparingLong(Gap::id));
            int from = (int) Math.min(gaps.size(), page.offset());
            int to = Math.min(gaps.size(), from + page.size());
            pageGaps = List.copyOf(gaps.subList(from, to));
            for (Gap g : pageGaps) {
                GeoPoint at = current.location(g.id());
                nearest.put(g.id(), at == null ? Double.NaN : current.nearestSiteMeters(at, ask.typeMask(), NEAREST_LIMIT_M));
            }
        } finally {
            lock.readLock().unlock();
        }
        Map<Long, Double> weightOf = new HashMap<>();
        pageGaps.forEach(g -> weightOf.put(g.id(), g.weight()));
        List<ElderSummary> people = elders.summaries(scope, pageGaps.stream().map(Gap::id).toList());
        List<UncoveredElder> items = people.stream().map(p -> {
            double d = nearest.getOrDefault(p.id(), Double.NaN);
            return new UncoveredElder(p.id(), p.name(), p.sex(), p.age(), p.advancedAge(), p.idNumberMasked(),
                    p.phonesMasked(), p.regionCode(), p.communityName(), p.categories(), weightOf.get(p.id()),
                    Double.isNaN(d) ? null : (int) Math.round(d));
        }).toList();
        return new PageResult<>(items, page.page(), page.size(), gaps.size());
    }

    static int resolution(RegionLevel level) {
        return switch (level) {
            case PROVINCE -> 6;
            case CITY, COUNTY -> 8;
            case TOWN, COMMUNITY -> 9;
        };
    }

    private static final class HexCount {
        long elders;
        long uncovered;
        double uncoveredWeight;
    }

    @Override
    public HexMap hexes(DataScope scope, String regionText, String type) {
        Ask ask = ask(scope, regionText, type);
        int res = resolution(ask.region().level());
        H3Core core = h3.get();
        Map<Long, Long> cache = hexCache.computeIfAbsent(res, k -> new ConcurrentHashMap<>());
        Map<Long, HexCount> counts = new HashMap<>();
        List<HexMap.Site> sites = new ArrayList<>();
        CoverageIndex current = ready();
        String prefix = ask.region().code().prefix();
        lock.readLock().lock();
        try {
            current.forEachElder(prefix, (slot, id, community, location, weight, mask) -> {
                long cell = cache.computeIfAbsent(id, k -> core.latLngToCell(location.lat(), location.lng(), res));
                HexCount c = counts.computeIfAbsent(cell, k -> new HexCount());
                c.elders++;
                if ((mask & ask.typeMask()) == 0) {
                    c.uncovered++;
                    c.uncoveredWeight += weight;
                }
            });
            for (SitePoint s : current.sites()) {
                if ((CoverageIndex.bit(s.type()) & ask.typeMask()) != 0 && withinRegion(s, ask.region())) {
                    sites.add(new HexMap.Site(s.id(), siteNames.getOrDefault(s.id(), ""), s.type(), s.location()));
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        List<HexMap.Cell> cells = new ArrayList<>(counts.size());
        counts.forEach((cell, c) -> {
            LatLng centre = core.cellToLatLng(cell);
            List<GeoPoint> boundary = core.cellToBoundary(cell).stream().map(p -> new GeoPoint(round(p.lat), round(p.lng))).toList();
            cells.add(new HexMap.Cell(core.h3ToString(cell), new GeoPoint(round(centre.lat), round(centre.lng)), boundary,
                    c.elders, c.uncovered, c.uncoveredWeight));
        });
        cells.sort(Comparator.comparing(HexMap.Cell::cell));
        sites.sort(Comparator.comparingLong(HexMap.Site::id));
        return new HexMap(ask.region().code().value(), ask.typeName(), res, cells, sites);
    }

    /** Whether the facility is registered in the region (its street or community code). */
    private boolean withinRegion(SitePoint s, Region region) {
        String code = siteRegions.get(s.id());
        return code != null && code.startsWith(region.code().prefix());
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    @Override
    public PageResult<FacilityGap> belowStandard(DataScope scope, String regionText, String type, PageQuery page) {
        Ask ask = ask(scope, regionText, type);
        FacilityType t = ask.typeName().equals("ANY") ? null : FacilityType.valueOf(ask.typeName());
        PageResult<Facility> result = providers.facilities(
                new FacilityQuery(null, ask.region().code().prefix(), t, true, null, page), scope);
        return result.map(f -> new FacilityGap(f.id(), f.name(), f.type(), f.regionCode().value(), f.providerName(),
                f.standard().shortfalls(), f.standard().rule() == null ? null : f.standard().rule().source()));
    }

    /** The circle rules and travel model coverage is measured by now. */
    CoverageReport.Circle circle() {
        return new CoverageReport.Circle(walk.name(), rules.walkingSpeedKmh(), detourFactor, rules.urbanMinutes(),
                rules.villageMeters());
    }

    @Override
    public CoverageStatus status() {
        CoverageIndex current = index;
        return new CoverageStatus(current != null, current == null ? 0 : current.elderCount(),
                current == null ? 0 : current.siteCount(), walk.name(), computedAt, lastFullMillis, updates.get());
    }

    @Override
    public PlanningInstance instance(DataScope scope, String regionText, String type, List<CandidateSite> listed) {
        Ask ask = ask(scope, regionText, type);
        String prefix = ask.region().code().prefix();
        CoverageIndex current = ready();
        lock.readLock().lock();
        try {
            List<DemandPoint> demand = new ArrayList<>();
            Map<Integer, Integer> demandOfSlot = new HashMap<>();
            double[] regionWeight = new double[1];
            long[] regionElders = new long[1];
            current.forEachElder(prefix, (slot, id, community, location, weight, mask) -> {
                regionElders[0]++;
                regionWeight[0] += weight;
                if ((mask & ask.typeMask()) == 0) {
                    demandOfSlot.put(slot, demand.size());
                    demand.add(new DemandPoint(id, location, weight));
                }
            });
            List<CandidateSite> candidates = listed == null || listed.isEmpty() ? gridCandidates(demand) : List.copyOf(listed);
            int[][] covers = new int[candidates.size()][];
            for (int j = 0; j < candidates.size(); j++) {
                covers[j] = current.slotsReachedFrom(candidates.get(j).location()).stream()
                        .map(demandOfSlot::get).filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).sorted().toArray();
            }
            return new PlanningInstance(ask.region().code().value(), ask.typeName(), demand, candidates, covers,
                    regionElders[0], regionWeight[0]);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The centres of the H3 cells (resolution 9, about 0.1 km²) with the most uncovered weight. */
    private List<CandidateSite> gridCandidates(List<DemandPoint> demand) {
        H3Core core = h3.get();
        Map<Long, Double> weightOfCell = new HashMap<>();
        for (DemandPoint d : demand) {
            weightOfCell.merge(core.latLngToCell(d.location().lat(), d.location().lng(), 9), d.weight(), Double::sum);
        }
        return weightOfCell.entrySet().stream()
                .sorted(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_GRID_CANDIDATES)
                .map(e -> {
                    LatLng c = core.cellToLatLng(e.getKey());
                    String id = core.h3ToString(e.getKey());
                    return new CandidateSite(id, id, new GeoPoint(round(c.lat), round(c.lng)));
                }).toList();
    }

    /** Runs a read of the current index under the read lock (for the planning data). */
    <T> T read(java.util.function.Function<CoverageIndex, T> reader) {
        CoverageIndex current = ready();
        lock.readLock().lock();
        try {
            return reader.apply(current);
        } finally {
            lock.readLock().unlock();
        }
    }
}
