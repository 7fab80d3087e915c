package org.yiyang.planning;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.yiyang.shared.GeoPoint;

/**
 * Coverage sets for a great-circle radius: for each candidate, the demand points at most
 * {@code radiusMeters} away. The distance is exactly {@link GeoPoint#distanceMeters} (haversine on
 * the same earth radius); a point exactly on the circle is covered.
 *
 * <p>Demand points are bucketed in a grid of cells at least the radius wide, so each candidate looks
 * at the 3 × 3 cells around it; most pairs are decided by a flat-earth distance, the few near the
 * circle by the haversine term against a precomputed threshold, and those within rounding distance
 * of the circle by the full formula.
 * Candidates are processed in parallel. The grid does not wrap at the antimeridian.
 */
public final class RadiusCoverage {

    /** Mean earth radius, the one {@link GeoPoint#distanceMeters} uses. */
    static final double EARTH_RADIUS_M = 6_371_008.8;
    private static final double METRES_PER_DEGREE = EARTH_RADIUS_M * Math.PI / 180;
    private static final int MAX_CELLS = 1 << 22;

    private RadiusCoverage() {
    }

    public static int[][] within(List<GeoPoint> demand, List<GeoPoint> candidates, double radiusMeters) {
        double[] dLat = demand.stream().mapToDouble(GeoPoint::lat).toArray();
        double[] dLng = demand.stream().mapToDouble(GeoPoint::lng).toArray();
        double[] cLat = candidates.stream().mapToDouble(GeoPoint::lat).toArray();
        double[] cLng = candidates.stream().mapToDouble(GeoPoint::lng).toArray();
        return within(dLat, dLng, cLat, cLng, radiusMeters);
    }

    /** For each candidate, the ascending indices of the demand points within the radius. */
    public static int[][] within(double[] demandLat, double[] demandLng, double[] candidateLat, double[] candidateLng,
                                 double radiusMeters) {
        if (!(radiusMeters >= 0) || Double.isInfinite(radiusMeters)) {
            throw new IllegalArgumentException("radius must be a finite number ≥ 0, was " + radiusMeters);
        }
        int m = demandLat.length;
        int n = candidateLat.length;
        if (demandLng.length != m || candidateLng.length != n) throw new IllegalArgumentException("lat and lng arrays differ in length");
        int[][] result = new int[n][];
        if (m == 0) {
            Arrays.fill(result, new int[0]);
            return result;
        }
        Grid grid = new Grid(demandLat, demandLng, radiusMeters);
        double[] demandCos = new double[m];
        for (int i = 0; i < m; i++) demandCos[i] = Math.cos(Math.toRadians(demandLat[i]));
        // haversine a = sin²(d / 2R): monotone in d, so compare a with the radius's a
        double half = Math.min(Math.PI / 2, radiusMeters / (2 * EARTH_RADIUS_M));
        double threshold = Math.sin(half) * Math.sin(half);
        double radiusDegrees = radiusMeters / METRES_PER_DEGREE * (1 + 1e-9) + 1e-12;
        // A flat-earth distance (x scaled by the candidate's cos φ) decides every pair outside a
        // thin band around the circle; its relative error in d² is below ~2 tan φ · θ + (θ / cos φ)²
        // (θ = radius / R), and the band is four times that. Pairs in the band, or every pair when
        // the band would be wide (huge radii, near the poles), go through the exact formula.
        double theta = radiusMeters / EARTH_RADIUS_M * 1.01;
        double maxLat = Math.min(89, grid.maxAbsLat + Math.toDegrees(theta));
        double band = 4 * (2 * Math.tan(Math.toRadians(maxLat)) * theta + Math.pow(theta / Math.cos(Math.toRadians(maxLat)), 2)) + 1e-9;
        boolean flat = band < 0.01;
        double r2 = radiusMeters * radiusMeters;
        double inside = r2 * (1 - band);
        double outside = r2 * (1 + band);
        IntStream.range(0, n).parallel().forEach(c -> {
            double lat = candidateLat[c];
            double lng = candidateLng[c];
            double cos = Math.cos(Math.toRadians(lat));
            double xScale = METRES_PER_DEGREE * cos;
            int[] found = new int[16];
            int size = 0;
            int row = grid.row(lat);
            int col = grid.col(lng);
            for (int r = Math.max(0, row - 1); r <= Math.min(grid.rows - 1, row + 1); r++) {
                for (int q = Math.max(0, col - 1); q <= Math.min(grid.cols - 1, col + 1); q++) {
                    int cell = r * grid.cols + q;
                    for (int p = grid.cellStart[cell]; p < grid.cellStart[cell + 1]; p++) {
                        int i = grid.cellPoints[p];
                        double dLatDeg = demandLat[i] - lat;
                        if (Math.abs(dLatDeg) > radiusDegrees) continue;
                        boolean covered;
                        if (flat) {
                            double y = dLatDeg * METRES_PER_DEGREE;
                            double x = (demandLng[i] - lng) * xScale;
                            double d2 = x * x + y * y;
                            covered = d2 <= inside
                                    || (d2 < outside && covers(lat, lng, cos, demandLat[i], demandLng[i], demandCos[i], threshold, radiusMeters));
                        } else {
                            covered = covers(lat, lng, cos, demandLat[i], demandLng[i], demandCos[i], threshold, radiusMeters);
                        }
                        if (covered) {
                            if (size == found.length) found = Arrays.copyOf(found, size * 2);
                            found[size++] = i;
                        }
                    }
                }
            }
            int[] list = Arrays.copyOf(found, size);
            Arrays.sort(list);
            result[c] = list;
        });
        return result;
    }

    private static boolean covers(double lat1, double lng1, double cos1, double lat2, double lng2, double cos2,
                                  double threshold, double radiusMeters) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLng = Math.toRadians(lng2 - lng1);
        double sLat = Math.sin(dLat / 2);
        double sLng = Math.sin(dLng / 2);
        double a = sLat * sLat + cos1 * cos2 * sLng * sLng;
        if (a < threshold * (1 - 1e-9)) return true;
        if (a > threshold * (1 + 1e-9) + 1e-300) return false;
        return distanceMeters(lat1, lng1, lat2, lng2) <= radiusMeters;
    }

    /** {@link GeoPoint#distanceMeters} without the objects, operation for operation. */
    static double distanceMeters(double lat, double lng, double otherLat, double otherLng) {
        double dLat = Math.toRadians(otherLat - lat);
        double dLng = Math.toRadians(otherLng - lng);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(otherLat))
                * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Demand points bucketed by cells at least the radius high and wide. */
    private static final class Grid {
        final double minLat;
        final double minLng;
        final double maxAbsLat;
        final double cellLat;
        final double cellLng;
        final int rows;
        final int cols;
        final int[] cellStart;
        final int[] cellPoints;

        Grid(double[] lat, double[] lng, double radius) {
            double loLat = Double.POSITIVE_INFINITY, hiLat = Double.NEGATIVE_INFINITY;
            double loLng = Double.POSITIVE_INFINITY, hiLng = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < lat.length; i++) {
                loLat = Math.min(loLat, lat[i]);
                hiLat = Math.max(hiLat, lat[i]);
                loLng = Math.min(loLng, lng[i]);
                hiLng = Math.max(hiLng, lng[i]);
            }
            double maxAbsLat = Math.max(Math.abs(loLat), Math.abs(hiLat));
            double spanLat = hiLat - loLat;
            double spanLng = hiLng - loLng;
            // a little over the radius, so that rounding never puts a covered point two cells away
            double heightDeg = Math.max(radius / METRES_PER_DEGREE * 1.001, 1e-9);
            // the widest longitude difference within the radius: sin Δλ = sin θ / cos φ at the highest latitude
            double theta = radius / EARTH_RADIUS_M;
            double sinRatio = Math.sin(Math.min(theta, Math.PI / 2)) / Math.cos(Math.toRadians(Math.min(90, maxAbsLat + heightDeg)));
            double widthDeg = theta >= Math.PI / 2 || sinRatio >= 1 ? 361
                    : Math.max(Math.toDegrees(Math.asin(sinRatio)) * 1.001, 1e-9);
            while ((Math.floor(spanLat / heightDeg) + 1) * (Math.floor(spanLng / widthDeg) + 1) > MAX_CELLS) {
                heightDeg *= 2;
                widthDeg *= 2;
            }
            long r = (long) (spanLat / heightDeg) + 1;
            long c = (long) (spanLng / widthDeg) + 1;
            this.maxAbsLat = maxAbsLat;
            this.minLat = loLat;
            this.minLng = loLng;
            this.cellLat = heightDeg;
            this.cellLng = widthDeg;
            this.rows = (int) r;
            this.cols = (int) c;
            int cells = rows * cols;
            int[] cellOf = new int[lat.length];
            cellStart = new int[cells + 1];
            for (int i = 0; i < lat.length; i++) {
                int cell = row(lat[i]) * cols + col(lng[i]);
                cellOf[i] = cell;
                cellStart[cell + 1]++;
            }
            for (int i = 0; i < cells; i++) cellStart[i + 1] += cellStart[i];
            cellPoints = new int[lat.length];
            int[] fill = Arrays.copyOf(cellStart, cells);
            for (int i = 0; i < lat.length; i++) cellPoints[fill[cellOf[i]]++] = i;
        }

        /** The row of a latitude, clamped to the grid (a candidate outside still finds its neighbours). */
        int row(double lat) {
            long r = (long) Math.floor((lat - minLat) / cellLat);
            return (int) Math.max(-2, Math.min(rows + 1, r));
        }

        int col(double lng) {
            long c = (long) Math.floor((lng - minLng) / cellLng);
            return (int) Math.max(-2, Math.min(cols + 1, c));
        }
    }
}
