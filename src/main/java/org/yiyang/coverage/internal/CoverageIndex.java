package org.yiyang.coverage.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.yiyang.provider.FacilityType;
import org.yiyang.shared.GeoPoint;

/**
 * The whole city in memory: every active elder with a "covered by type" bitset, every open
 * facility with its prepared walking origin, both in a uniform grid. A full computation runs each
 * facility over the elders near it; a changed facility or elder recomputes only the elders within
 * its reach, so that after any sequence of changes the bitsets equal those of a full computation.
 * Not thread-safe: the owner guards it.
 */
public final class CoverageIndex {

    /** An active elder: the community (12-digit code) and location of the primary address, village or not, weight. */
    public record ElderPoint(long id, String community, GeoPoint location, boolean village, double weight) {
    }

    /** An open facility. */
    public record SitePoint(long id, FacilityType type, GeoPoint location) {
    }

    /** What a visitor sees of one elder. */
    public interface ElderVisitor {
        void visit(int slot, long id, String community, GeoPoint location, double weight, int mask);
    }

    private record Site(SitePoint point, WalkModel.Origin origin, long cell) {
    }

    private static final double K = 6_371_008.8 * Math.PI / 180;

    private final WalkModel walk;
    private final CircleRules rules;
    private final double reach;
    private final double cellMeters;
    private final double refCos;
    private final long[] neighbourOffsets;

    private int slots;
    private long[] ids = new long[1024];
    private GeoPoint[] points = new GeoPoint[1024];
    private String[] communities = new String[1024];
    private boolean[] villages = new boolean[1024];
    private float[] weights = new float[1024];
    private byte[] masks = new byte[1024];
    private Object[] places = new Object[1024];
    private long[] cells = new long[1024];
    private final IntList free = new IntList();
    private final Map<Long, Integer> slotOf = new HashMap<>();
    private final Map<Long, IntList> elderCells = new HashMap<>();
    private final TreeMap<String, IntList> byCommunity = new TreeMap<>();

    private final Map<Long, Site> sites = new HashMap<>();
    private final Map<Long, List<Site>> siteCells = new HashMap<>();

    /**
     * @param referenceLatitude the latitude the grid is drawn for (the city's); the grid is only an
     *                          index, the walk model decides every distance exactly
     */
    public CoverageIndex(WalkModel walk, CircleRules rules, double referenceLatitude) {
        this.walk = walk;
        this.rules = rules;
        this.reach = walk.maxStraightMeters(rules.maxSeconds());
        this.cellMeters = Math.max(50, reach / 2);
        this.refCos = Math.cos(Math.toRadians(referenceLatitude));
        // the cells any point within reach (plus a margin for the grid's projection) can lie in
        double limit = reach * 1.05;
        int ring = (int) Math.ceil(limit / cellMeters) + 1;
        List<Long> offsets = new ArrayList<>();
        for (int dx = -ring; dx <= ring; dx++) {
            for (int dy = -ring; dy <= ring; dy++) {
                double gx = Math.max(0, Math.abs(dx) - 1) * cellMeters;
                double gy = Math.max(0, Math.abs(dy) - 1) * cellMeters;
                if (Math.sqrt(gx * gx + gy * gy) <= limit) {
                    offsets.add(key(dx, dy));
                }
            }
        }
        this.neighbourOffsets = offsets.stream().mapToLong(Long::longValue).toArray();
    }

    public WalkModel walk() {
        return walk;
    }

    public CircleRules rules() {
        return rules;
    }

    /** The straight-line bound of the longest circle, in metres. */
    public double reachMeters() {
        return reach;
    }

    public int elderCount() {
        return slotOf.size();
    }

    public int siteCount() {
        return sites.size();
    }

    public static int bit(FacilityType type) {
        return 1 << type.ordinal();
    }

    /** Every type's bit: "covered by a facility of any type". */
    public static int anyType() {
        return (1 << FacilityType.values().length) - 1;
    }

    // ---- loading and the full computation ----

    /** Adds elders without computing their coverage (call {@link #computeAll()} afterwards). */
    public void loadElder(ElderPoint e) {
        if (slotOf.containsKey(e.id())) {
            removeElder(e.id());
        }
        store(e);
    }

    /** Adds a facility without updating the elders (call {@link #computeAll()} afterwards). */
    public void loadSite(SitePoint s) {
        if (sites.containsKey(s.id())) {
            unlinkSite(s.id());
        }
        linkSite(s);
    }

    /** Computes every elder's bitset from scratch: each facility over the elders near it. */
    public void computeAll() {
        for (int i = 0; i < slots; i++) {
            masks[i] = 0;
        }
        for (Site site : sites.values()) {
            int bit = bit(site.point().type());
            forEachElderNear(site.cell(), slot -> {
                if ((masks[slot] & bit) == 0 && reaches(site, slot)) {
                    masks[slot] |= (byte) bit;
                }
            });
        }
    }

    // ---- incremental changes ----

    /** A facility opened, moved or changed type: the elders near its old and new place are recomputed. */
    public int putSite(SitePoint s) {
        Set<Integer> affected = new HashSet<>();
        Site old = sites.get(s.id());
        if (old != null) {
            forEachElderNear(old.cell(), affected::add);
            unlinkSite(s.id());
        }
        Site now = linkSite(s);
        forEachElderNear(now.cell(), affected::add);
        affected.forEach(this::recompute);
        return affected.size();
    }

    /** A facility closed or disappeared. */
    public int removeSite(long id) {
        Site old = sites.get(id);
        if (old == null) {
            return 0;
        }
        Set<Integer> affected = new HashSet<>();
        forEachElderNear(old.cell(), affected::add);
        unlinkSite(id);
        affected.forEach(this::recompute);
        return affected.size();
    }

    /** An elder registered, moved, or changed what the weight depends on. */
    public void putElder(ElderPoint e) {
        Integer slot = slotOf.get(e.id());
        if (slot != null) {
            unlinkElder(slot);
            slotOf.remove(e.id());
            free.add(slot);
        }
        recompute(store(e));
    }

    /** An elder is no longer active (moved out, deceased) or no longer exists. */
    public void removeElder(long id) {
        Integer slot = slotOf.remove(id);
        if (slot != null) {
            unlinkElder(slot);
            free.add(slot);
        }
    }

    public boolean hasElder(long id) {
        return slotOf.containsKey(id);
    }

    public boolean hasSite(long id) {
        return sites.containsKey(id);
    }

    public Collection<Long> elderIds() {
        return List.copyOf(slotOf.keySet());
    }

    public Collection<Long> siteIds() {
        return List.copyOf(sites.keySet());
    }

    // ---- reading ----

    /** The bitset of one elder (-1 when unknown). */
    public int mask(long elderId) {
        Integer slot = slotOf.get(elderId);
        return slot == null ? -1 : masks[slot];
    }

    /** Where an elder lives (null when unknown). */
    public GeoPoint location(long elderId) {
        Integer slot = slotOf.get(elderId);
        return slot == null ? null : points[slot];
    }

    /** The elder id held in a slot (as visited or reached). */
    public long elderAt(int slot) {
        return ids[slot];
    }

    /** Every elder's bitset, for comparing two indexes. */
    public Map<Long, Integer> masks() {
        Map<Long, Integer> out = new HashMap<>(slotOf.size() * 2);
        slotOf.forEach((id, slot) -> out.put(id, (int) masks[slot]));
        return out;
    }

    /** Visits the elders whose community code starts with the prefix, community by community (codes ascending). */
    public void forEachElder(String prefix, ElderVisitor visitor) {
        SortedMap<String, IntList> range = prefix.isEmpty() ? byCommunity : byCommunity.subMap(prefix, prefix + Character.MAX_VALUE);
        for (Map.Entry<String, IntList> entry : range.entrySet()) {
            IntList list = entry.getValue();
            for (int i = 0; i < list.size(); i++) {
                int s = list.get(i);
                visitor.visit(s, ids[s], communities[s], points[s], weights[s], masks[s]);
            }
        }
    }

    /** The open facilities whose location matches the filter, as stored. */
    public List<SitePoint> sites() {
        return sites.values().stream().map(Site::point).toList();
    }

    /** The elders (ids) a facility at this place would reach: the coverage set of a candidate site. */
    public List<Integer> slotsReachedFrom(GeoPoint location) {
        WalkModel.Origin origin = walk.origin(location, rules.maxSeconds());
        Site probe = new Site(new SitePoint(-1, FacilityType.COMMUNITY_STATION, location), origin, cellOf(location));
        List<Integer> out = new ArrayList<>();
        forEachElderNear(probe.cell(), slot -> {
            if (reaches(probe, slot)) {
                out.add(slot);
            }
        });
        return out;
    }

    /** The straight-line distance to the nearest facility of the types in the mask, or NaN beyond {@code maxMeters}. */
    public double nearestSiteMeters(GeoPoint at, int typeMask, double maxMeters) {
        long c = cellOf(at);
        int cx = (int) (c >> 32);
        int cy = (int) c;
        int rings = (int) Math.ceil(maxMeters / cellMeters) + 1;
        double best = Double.NaN;
        for (int r = 0; r <= rings; r++) {
            for (int dx = -r; dx <= r; dx++) {
                for (int dy = -r; dy <= r; dy++) {
                    if (Math.max(Math.abs(dx), Math.abs(dy)) != r) continue;
                    List<Site> list = siteCells.get(key(cx + dx, cy + dy));
                    if (list == null) continue;
                    for (Site s : list) {
                        if ((bit(s.point().type()) & typeMask) == 0) continue;
                        double d = WalkModel.metres(at.lat(), at.lng(), s.point().location().lat(), s.point().location().lng());
                        if (d <= maxMeters && (Double.isNaN(best) || d < best)) best = d;
                    }
                }
            }
            // anything in a further ring is at least (r) cells away
            if (!Double.isNaN(best) && best <= r * cellMeters) break;
        }
        return best;
    }

    // ---- internals ----

    private int store(ElderPoint e) {
        int slot;
        if (!free.isEmpty()) {
            slot = free.get(free.size() - 1);
            free.remove(slot);
        } else {
            if (slots == ids.length) grow();
            slot = slots++;
        }
        ids[slot] = e.id();
        points[slot] = e.location();
        communities[slot] = e.community();
        villages[slot] = e.village();
        weights[slot] = (float) e.weight();
        masks[slot] = 0;
        places[slot] = walk.place(e.location());
        cells[slot] = cellOf(e.location());
        slotOf.put(e.id(), slot);
        elderCells.computeIfAbsent(cells[slot], k -> new IntList()).add(slot);
        byCommunity.computeIfAbsent(e.community(), k -> new IntList()).add(slot);
        return slot;
    }

    private void unlinkElder(int slot) {
        IntList cell = elderCells.get(cells[slot]);
        if (cell != null) {
            cell.remove(slot);
            if (cell.isEmpty()) elderCells.remove(cells[slot]);
        }
        IntList community = byCommunity.get(communities[slot]);
        if (community != null) {
            community.remove(slot);
            if (community.isEmpty()) byCommunity.remove(communities[slot]);
        }
        points[slot] = null;
        places[slot] = null;
        communities[slot] = null;
        masks[slot] = 0;
    }

    private void grow() {
        int n = ids.length * 2;
        ids = Arrays.copyOf(ids, n);
        points = Arrays.copyOf(points, n);
        communities = Arrays.copyOf(communities, n);
        villages = Arrays.copyOf(villages, n);
        weights = Arrays.copyOf(weights, n);
        masks = Arrays.copyOf(masks, n);
        places = Arrays.copyOf(places, n);
        cells = Arrays.copyOf(cells, n);
    }

    private Site linkSite(SitePoint s) {
        Site site = new Site(s, walk.origin(s.location(), rules.maxSeconds()), cellOf(s.location()));
        sites.put(s.id(), site);
        siteCells.computeIfAbsent(site.cell(), k -> new ArrayList<>()).add(site);
        return site;
    }

    private void unlinkSite(long id) {
        Site old = sites.remove(id);
        if (old != null) {
            List<Site> list = siteCells.get(old.cell());
            list.remove(old);
            if (list.isEmpty()) siteCells.remove(old.cell());
        }
    }

    private void recompute(int slot) {
        if (points[slot] == null) {
            return;
        }
        long c = cells[slot];
        int cx = (int) (c >> 32);
        int cy = (int) c;
        int m = 0;
        for (long off : neighbourOffsets) {
            List<Site> list = siteCells.get(key(cx + (int) (off >> 32), cy + (int) off));
            if (list == null) continue;
            for (Site s : list) {
                int bit = bit(s.point().type());
                if ((m & bit) == 0 && reaches(s, slot)) {
                    m |= bit;
                }
            }
        }
        masks[slot] = (byte) m;
    }

    private boolean reaches(Site site, int slot) {
        GeoPoint p = points[slot];
        GeoPoint o = site.point().location();
        // cheap reject before the model's exact answer
        double dy = (p.lat() - o.lat()) * K;
        double dx = (p.lng() - o.lng()) * K * refCos;
        double bound = reach * 1.05;
        if (dx * dx + dy * dy > bound * bound) {
            return false;
        }
        return site.origin().seconds(p, places[slot]) <= rules.seconds(villages[slot]);
    }

    private void forEachElderNear(long cell, java.util.function.IntConsumer consumer) {
        int cx = (int) (cell >> 32);
        int cy = (int) cell;
        for (long off : neighbourOffsets) {
            IntList list = elderCells.get(key(cx + (int) (off >> 32), cy + (int) off));
            if (list == null) continue;
            for (int i = 0; i < list.size(); i++) {
                consumer.accept(list.get(i));
            }
        }
    }

    private long cellOf(GeoPoint p) {
        int cx = (int) Math.floor(p.lng() * K * refCos / cellMeters);
        int cy = (int) Math.floor(p.lat() * K / cellMeters);
        return key(cx, cy);
    }

    private static long key(int x, int y) {
        return ((long) x << 32) | (y & 0xffffffffL);
    }
}
