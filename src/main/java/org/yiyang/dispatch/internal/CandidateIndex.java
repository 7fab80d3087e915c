package org.yiyang.dispatch.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.yiyang.provider.CaregiverCandidate;
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.shared.GeoPoint;

/**
 * An immutable snapshot of the caregivers for dispatch, with one uniform grid per skill (and one
 * for all) over their home bases: a query visits only the cells that intersect the radius' bounding
 * box, so its cost grows with the caregivers nearby, not with the city. Cells are
 * {@code cellMeters} square at the snapshot's mean latitude (fine for a city or a province; the
 * bounding box is widened by the cosine of the query's latitude).
 */
public final class CandidateIndex {

    private static final double METERS_PER_DEGREE_LAT = 111_320.0;

    private final List<CaregiverCandidate> all;
    private final Map<Long, CaregiverCandidate[]>[] cellsBySkill;
    private final double latStep;
    private final double lngStep;
    private final Instant loadedAt;

    public static final CandidateIndex EMPTY = new CandidateIndex(List.of(), 1_000, Instant.EPOCH);

    @SuppressWarnings("unchecked")
    public CandidateIndex(Collection<CaregiverCandidate> caregivers, double cellMeters, Instant loadedAt) {
        Map<Long, CaregiverCandidate> byId = new LinkedHashMap<>();
        for (CaregiverCandidate c : caregivers) {
            byId.putIfAbsent(c.id(), c);
        }
        this.all = List.copyOf(byId.values());
        this.loadedAt = loadedAt;
        double meanLat = all.stream().mapToDouble(c -> c.home().lat()).average().orElse(0);
        this.latStep = cellMeters / METERS_PER_DEGREE_LAT;
        this.lngStep = cellMeters / (METERS_PER_DEGREE_LAT * Math.max(0.01, Math.cos(Math.toRadians(meanLat))));
        int slots = CaregiverSkill.values().length + 1;
        Map<Long, List<CaregiverCandidate>>[] building = new Map[slots];
        for (int i = 0; i < slots; i++) {
            building[i] = new HashMap<>();
        }
        for (CaregiverCandidate c : all) {
            long key = cellKey(row(c.home().lat()), column(c.home().lng()));
            building[slots - 1].computeIfAbsent(key, k -> new ArrayList<>()).add(c);
            for (CaregiverSkill s : c.skills()) {
                building[s.ordinal()].computeIfAbsent(key, k -> new ArrayList<>()).add(c);
            }
        }
        this.cellsBySkill = new Map[slots];
        for (int i = 0; i < slots; i++) {
            Map<Long, CaregiverCandidate[]> cells = new HashMap<>(building[i].size() * 2);
            building[i].forEach((k, v) -> cells.put(k, v.toArray(CaregiverCandidate[]::new)));
            cellsBySkill[i] = cells;
        }
    }

    /** Every caregiver of the snapshot. */
    public List<CaregiverCandidate> all() {
        return all;
    }

    public int size() {
        return all.size();
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    /**
     * Calls {@code visitor} for every caregiver having {@code skill} (any caregiver when null) in the
     * cells that intersect the bounding box of the circle; callers still check the exact distance.
     */
    public void forEachNear(CaregiverSkill skill, GeoPoint centre, double radiusMeters, Consumer<CaregiverCandidate> visitor) {
        Map<Long, CaregiverCandidate[]> cells = cellsBySkill[skill == null ? cellsBySkill.length - 1 : skill.ordinal()];
        if (cells.isEmpty()) {
            return;
        }
        double dLat = radiusMeters / METERS_PER_DEGREE_LAT;
        double widestLat = Math.min(89.0, Math.abs(centre.lat()) + dLat);
        double dLng = radiusMeters / (METERS_PER_DEGREE_LAT * Math.max(0.01, Math.cos(Math.toRadians(widestLat))));
        long rowFrom = row(centre.lat() - dLat), rowTo = row(centre.lat() + dLat);
        long colFrom = column(centre.lng() - dLng), colTo = column(centre.lng() + dLng);
        for (long r = rowFrom; r <= rowTo; r++) {
            for (long col = colFrom; col <= colTo; col++) {
                CaregiverCandidate[] inCell = cells.get(cellKey(r, col));
                if (inCell != null) {
                    for (CaregiverCandidate c : inCell) {
                        visitor.accept(c);
                    }
                }
            }
        }
    }

    private long row(double lat) {
        return (long) Math.floor(lat / latStep);
    }

    private long column(double lng) {
        return (long) Math.floor(lng / lngStep);
    }

    private static long cellKey(long row, long column) {
        return (row << 32) ^ (column & 0xffff_ffffL);
    }
}
