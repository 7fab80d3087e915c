package org.yiyang.coverage;

import java.util.List;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;

/**
 * Saved site plans (规划方案). Making one runs the {@link SiteSelector} on the current coverage of the
 * region (the bureau's listed sites there, or a grid over the uncovered elders) and stores the
 * answer. Plans are scoped like the coverage: a plan of a region outside the caller's is
 * {@code coverage.plan.not-found} (404). Making and deleting need
 * {@link org.yiyang.shared.Authorities#SITE_PLANNING}.
 */
public interface SitingPlans {

    int MAX_K = 200;

    /** Runs the selector and saves the plan; field errors for a bad k, type, source or region. */
    long create(DataScope scope, PlanDraft draft);

    SitingPlan get(DataScope scope, long id);

    /** The newest first; {@code region}: plans of that region and below it (blank: the whole scope). */
    PageResult<SitingPlanSummary> list(DataScope scope, String region, PageQuery page);

    void delete(DataScope scope, long id);

    /** Two to four different plans, in the order given. */
    PlanComparison compare(DataScope scope, List<Long> ids);
}
