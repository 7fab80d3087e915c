package org.yiyang.planning;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded city-like planning instances: demand in clusters of different size and density around a
 * centre (a dense core, towns, villages, a thin background), weights like population counts, and
 * candidates on or near demand points — the shape of public MCLP benchmark instances built from
 * census blocks. Used by the tests and by {@code bench/PlanSitesBench.java}.
 */
public final class CityInstances {

    /** Points with optional weights (null for candidates). */
    public record Points(double[] lat, double[] lng, double[] weight) {
        public int size() {
            return lat.length;
        }
    }

    private static final double M_PER_DEG_LAT = 111_195.0;

    private CityInstances() {
    }

    /**
     * Demand clustered over a city of the given radius: {@code clusters} Gaussian blobs with
     * spreads from 150 m to 2 km, 8% uniform background. Weights are whole numbers drawn
     * between {@code minWeight} and {@code maxWeight} (log-uniform), or 1 when both are 1.
     */
    public static Points demand(long seed, int count, double cityRadiusM, int clusters, int minWeight, int maxWeight) {
        SplittableRandom random = new SplittableRandom(seed);
        double lat0 = 35.76;
        double lng0 = 115.03;
        double cos0 = Math.cos(Math.toRadians(lat0));
        double[] cx = new double[clusters];
        double[] cy = new double[clusters];
        double[] spread = new double[clusters];
        double[] share = new double[clusters];
        double sum = 0;
        for (int c = 0; c < clusters; c++) {
            double r = cityRadiusM * Math.sqrt(random.nextDouble()) * (c == 0 ? 0.1 : 1);
            double a = random.nextDouble() * 2 * Math.PI;
            cx[c] = r * Math.cos(a);
            cy[c] = r * Math.sin(a);
            spread[c] = 150 + random.nextDouble() * random.nextDouble() * 1850;
            share[c] = Math.pow(random.nextDouble(), 2) + (c == 0 ? 3 : 0.05);
            sum += share[c];
        }
        double[] cumulative = new double[clusters];
        double acc = 0;
        for (int c = 0; c < clusters; c++) {
            acc += share[c] / sum;
            cumulative[c] = acc;
        }
        double[] lat = new double[count];
        double[] lng = new double[count];
        double[] weight = new double[count];
        for (int i = 0; i < count; i++) {
            double x;
            double y;
            if (random.nextDouble() < 0.08) {
                double r = cityRadiusM * Math.sqrt(random.nextDouble());
                double a = random.nextDouble() * 2 * Math.PI;
                x = r * Math.cos(a);
                y = r * Math.sin(a);
            } else {
                double u = random.nextDouble();
                int c = 0;
                while (c < clusters - 1 && cumulative[c] < u) c++;
                x = cx[c] + gaussian(random) * spread[c];
                y = cy[c] + gaussian(random) * spread[c];
            }
            lat[i] = lat0 + y / M_PER_DEG_LAT;
            lng[i] = lng0 + x / (M_PER_DEG_LAT * cos0);
            weight[i] = minWeight == maxWeight ? minWeight
                    : Math.floor(minWeight * Math.pow((double) maxWeight / minWeight, random.nextDouble()));
        }
        return new Points(lat, lng, weight);
    }

    /** Candidates at random demand points, moved up to {@code jitterM} metres. */
    public static Points candidatesNearDemand(long seed, int count, Points demand, double jitterM) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double[] lat = new double[count];
        double[] lng = new double[count];
        double cos = Math.cos(Math.toRadians(demand.lat()[0]));
        for (int c = 0; c < count; c++) {
            int i = random.nextInt(demand.size());
            lat[c] = demand.lat()[i] + (random.nextDouble() * 2 - 1) * jitterM / M_PER_DEG_LAT;
            lng[c] = demand.lng()[i] + (random.nextDouble() * 2 - 1) * jitterM / (M_PER_DEG_LAT * cos);
        }
        return new Points(lat, lng, null);
    }

    /** The planning problem for a radius, candidate ids "c0", "c1", … */
    public static PlanningProblem problem(Points demand, Points candidates, double radiusM) {
        int[][] cover = RadiusCoverage.within(demand.lat(), demand.lng(), candidates.lat(), candidates.lng(), radiusM);
        PlanningProblem.Builder b = PlanningProblem.builder();
        for (int i = 0; i < demand.size(); i++) b.demand(demand.weight()[i]);
        for (int c = 0; c < candidates.size(); c++) b.candidate("c" + c, cover[c]);
        return b.build();
    }

    /** A small city instance: demand points, candidates, radius chosen so that sites overlap. */
    public static PlanningProblem small(long seed, int demandCount, int candidateCount) {
        Points demand = demand(seed, demandCount, 3_000, 6, 1, 50);
        Points candidates = candidatesNearDemand(seed, candidateCount, demand, 200);
        return problem(demand, candidates, 400 + new SplittableRandom(seed).nextInt(400));
    }

    public static void writeDemand(Path file, Points demand) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,lat,lng,weight\n");
            for (int i = 0; i < demand.size(); i++) {
                w.write("d" + i + "," + String.format(Locale.ROOT, "%.7f,%.7f", demand.lat()[i], demand.lng()[i]) + ","
                        + (long) demand.weight()[i] + "\n");
            }
        }
    }

    public static void writeCandidates(Path file, Points candidates) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,lat,lng\n");
            for (int c = 0; c < candidates.size(); c++) {
                w.write("c" + c + "," + String.format(Locale.ROOT, "%.7f,%.7f", candidates.lat()[c], candidates.lng()[c]) + "\n");
            }
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
