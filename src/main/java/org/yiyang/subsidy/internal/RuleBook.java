package org.yiyang.subsidy.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All benefits and their rules, ready to evaluate many elders: for each benefit the rule with the
 * longest region prefix that the elder's community code starts with decides (a county's rule over
 * the city's, the city's over the default).
 */
final class RuleBook {

    /** One benefit's decision for an elder, and the prefix of the rule that made it (null: no rule). */
    record Outcome(String benefitCode, String rulePrefix, Verdict verdict) {
    }

    private final List<String> benefits;
    private final Map<String, List<EligibilityRule>> rulesByBenefit = new HashMap<>();

    RuleBook(List<String> benefits, List<EligibilityRule> rules) {
        this.benefits = List.copyOf(benefits);
        for (EligibilityRule r : rules) {
            rulesByBenefit.computeIfAbsent(r.benefitCode(), k -> new ArrayList<>()).add(r);
        }
        // longest prefix first: the first that applies is the most specific
        rulesByBenefit.values().forEach(list -> list.sort(Comparator.comparingInt((EligibilityRule r) -> r.regionPrefix().length()).reversed()));
    }

    List<String> benefits() {
        return benefits;
    }

    Optional<EligibilityRule> ruleFor(String benefitCode, String regionCode) {
        for (EligibilityRule r : rulesByBenefit.getOrDefault(benefitCode, List.of())) {
            if (r.appliesTo(regionCode)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    Outcome evaluate(String benefitCode, ElderFacts elder, LocalDate today) {
        return ruleFor(benefitCode, elder.regionCode())
                .map(r -> new Outcome(benefitCode, r.regionPrefix(), r.evaluate(elder, today)))
                .orElseGet(() -> new Outcome(benefitCode, null, Verdict.no("no-rule")));
    }

    /** Every benefit's outcome for the elder, in the benefits' order. */
    List<Outcome> evaluate(ElderFacts elder, LocalDate today) {
        List<Outcome> out = new ArrayList<>(benefits.size());
        for (String b : benefits) {
            out.add(evaluate(b, elder, today));
        }
        return out;
    }
}
