package org.yiyang.subsidy;

import java.util.List;
import org.yiyang.shared.DataScope;

/**
 * Eligibility for benefits: the stored result per elder and benefit, the rules per region, and
 * counts. Reads are scoped in SQL (an elder or region outside the scope is 404, like an absent
 * one); changing rules needs CATALOGUE_EDIT (the bureau) and a region within the scope. Bad input
 * is an {@link org.yiyang.shared.InputRejectedException} with every field error; nothing is stored.
 */
public interface Eligibility {

    /** The benefits, in their display order. */
    List<Benefit> benefits();

    /** The elder's result for every benefit ({@code elder.not-found} 404 when absent or out of scope). */
    ElderEligibility ofElder(DataScope scope, long elderId);

    /** The rules that matter to the scope: the default and those of its ancestors (read-only to it) and those within it. */
    List<EligibilityRuleView> rules(DataScope scope);

    /**
     * Sets a benefit's rule for a region within the scope (a 12-digit region code); the elders of
     * that region are evaluated again after commit.
     */
    EligibilityRuleView saveRule(DataScope scope, String regionCode, String benefitCode, EligibilityRuleInput input);

    /** Drops a region's own rule, so the parent region's (or the default) applies again; then re-evaluates. */
    void removeRule(DataScope scope, String regionCode, String benefitCode);

    /** Eligible counts per benefit in a region (null: the scope's own region) and its child regions. */
    EligibilityCounts counts(DataScope scope, String regionCode);

    /** Re-reads every elder from the registry and evaluates everyone (the daily reconciliation, demo seeding). */
    RecomputeSummary recomputeAll();

    /**
     * The same for the elders of the caller's region, at once (CATALOGUE_EDIT): a supervisor's
     * "evaluate now", and the benchmark's measurement.
     */
    RecomputeSummary recompute(DataScope scope);
}
