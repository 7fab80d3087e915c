package org.yiyang.subsidy.web;

import java.util.List;
import org.yiyang.subsidy.EligibilityRuleInput;
import org.yiyang.subsidy.EligibilityRuleView;

/** The rule form: the region and benefit it is for, and the conditions as typed. */
record RuleForm(String region, String benefit, String offered, String minAge, List<String> categories, String minLevel,
                String version) {

    RuleForm {
        categories = categories == null ? List.of() : categories;
    }

    static RuleForm empty(String region, String benefit) {
        return new RuleForm(region, benefit, "on", "", List.of(), "", "");
    }

    /** From an existing rule; its version only when it is the region's own (else the save creates it). */
    static RuleForm of(String region, String benefit, EligibilityRuleView r) {
        boolean own = region.equals(r.regionCode());
        return new RuleForm(region, benefit, r.offered() ? "on" : "", r.minAge() == null ? "" : String.valueOf(r.minAge()),
                r.categories(), r.minLevel() == null ? "" : String.valueOf(r.minLevel()), own ? String.valueOf(r.version()) : "");
    }

    public boolean isOffered() {
        return "on".equals(offered) || "true".equals(offered);
    }

    EligibilityRuleInput toInput() {
        Integer age = null;
        String a = minAge == null ? "" : minAge.strip();
        if (!a.isEmpty()) {
            try {
                age = Integer.valueOf(a);
            } catch (NumberFormatException e) {
                throw org.yiyang.shared.InputRejectedException.of("minAge", "field.invalid-number");
            }
        }
        Integer v = null;
        if (version != null && version.strip().matches("\\d{1,9}")) {
            v = Integer.valueOf(version.strip());
        }
        return new EligibilityRuleInput(isOffered(), age, categories, minLevel, v);
    }
}
