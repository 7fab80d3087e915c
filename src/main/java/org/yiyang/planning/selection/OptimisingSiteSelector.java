package org.yiyang.planning.selection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import org.yiyang.coverage.PlanningInstance;
import org.yiyang.coverage.SitePlan;
import org.yiyang.coverage.SiteSelector;
import org.yiyang.planning.PlannedSite;
import org.yiyang.planning.PlanningProblem;
import org.yiyang.planning.SitePlanner;

/**
 * The coverage module's {@link SiteSelector}, backed by the {@link SitePlanner} (instead of the
 * greedy default): at most {@code yiyang.planning.time-limit} per plan (default 5 s), less when
 * the plan is proven optimal earlier. Sites that would add nothing are left out, as greedy does.
 */
@Component
@Primary
class OptimisingSiteSelector implements SiteSelector {

    private final SitePlanner planner = new SitePlanner();
    private final Duration timeLimit;

    OptimisingSiteSelector(@Value("${yiyang.planning.time-limit:5s}") Duration timeLimit) {
        this.timeLimit = timeLimit;
    }

    @Override
    public SitePlan select(PlanningInstance instance, int k) {
        if (k < 0) throw new IllegalArgumentException("k must not be negative: " + k);
        PlanningProblem.Builder builder = PlanningProblem.builder();
        instance.demand().forEach(d -> builder.demand(d.weight()));
        for (int j = 0; j < instance.candidates().size(); j++) {
            // positions as ids: the caller's ids need not be unique
            builder.candidate(String.valueOf(j), instance.covers()[j]);
        }
        org.yiyang.planning.SitePlan plan = planner.plan(builder.build(), k, timeLimit);
        boolean[] covered = new boolean[instance.demand().size()];
        List<SitePlan.Chosen> chosen = new ArrayList<>();
        double total = 0;
        long elders = 0;
        for (PlannedSite site : plan.sites()) {
            if (site.marginalGain() <= 0) break;
            int newly = 0;
            for (int i : instance.covers()[site.candidate()]) {
                if (!covered[i]) {
                    covered[i] = true;
                    newly++;
                }
            }
            chosen.add(new SitePlan.Chosen(instance.candidates().get(site.candidate()), site.marginalGain(), newly));
            total += site.marginalGain();
            elders += newly;
        }
        return new SitePlan(plan.provenOptimal() ? "optimal" : "optimised", chosen, total, instance.totalWeight(), elders,
                instance.demand().size());
    }
}
