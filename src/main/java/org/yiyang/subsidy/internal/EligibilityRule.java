package org.yiyang.subsidy.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.yiyang.assessment.AbilityLevel;
import org.yiyang.elder.ElderCategory;
import org.yiyang.elder.ElderStatus;
import org.yiyang.subsidy.EligibilityReason;

/**
 * A benefit's rule for a region: the elders whose community code starts with {@code regionPrefix}
 * (empty = the default everywhere) qualify when they are active and meet every condition. A rule
 * that is not {@code offered} means the benefit is not given in that region. Conditions are data:
 * an optional minimum age, an optional "any of these categories", an optional minimum ability level.
 */
record EligibilityRule(String regionPrefix, String benefitCode, boolean offered, Integer minAge,
                       Set<ElderCategory> anyCategories, AbilityLevel minLevel, int version, String updatedBy,
                       Instant updatedAt) {

    EligibilityRule {
        anyCategories = anyCategories == null ? Set.of() : Set.copyOf(anyCategories);
    }

    List<Condition> conditions() {
        List<Condition> out = new ArrayList<>();
        if (minAge != null) {
            out.add(new Condition.MinAge(minAge));
        }
        if (!anyCategories.isEmpty()) {
            out.add(new Condition.AnyCategory(anyCategories));
        }
        if (minLevel != null) {
            out.add(new Condition.MinLevel(minLevel));
        }
        return out;
    }

    Verdict evaluate(ElderFacts elder, LocalDate today) {
        if (elder.status() != ElderStatus.ACTIVE) {
            return Verdict.no("status", elder.status().name());
        }
        if (!offered) {
            return Verdict.no("not-offered");
        }
        List<Condition> conditions = conditions();
        if (conditions.isEmpty()) {
            return new Verdict(true, List.of(EligibilityReason.of("all", true)));
        }
        List<EligibilityReason> reasons = conditions.stream().map(c -> c.check(elder, today)).toList();
        return new Verdict(reasons.stream().allMatch(EligibilityReason::met), reasons);
    }

    boolean appliesTo(String regionCode) {
        return regionCode.startsWith(regionPrefix);
    }
}
