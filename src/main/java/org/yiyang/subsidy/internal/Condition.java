package org.yiyang.subsidy.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.yiyang.assessment.AbilityLevel;
import org.yiyang.elder.ElderCategory;
import org.yiyang.subsidy.EligibilityReason;

/** One condition of an eligibility rule; checking it tells whether the elder meets it, and why. */
sealed interface Condition {

    EligibilityReason check(ElderFacts elder, LocalDate today);

    /** At least this old on the day (birthday-exact). */
    record MinAge(int years) implements Condition {
        @Override
        public EligibilityReason check(ElderFacts elder, LocalDate today) {
            int age = elder.ageOn(today);
            return EligibilityReason.of("age", age >= years, age, years);
        }
    }

    /** In at least one of these categories. */
    record AnyCategory(Set<ElderCategory> categories) implements Condition {
        public AnyCategory {
            if (categories.isEmpty()) {
                throw new IllegalArgumentException("an any-of condition needs at least one category");
            }
            categories = Set.copyOf(categories);
        }

        @Override
        public EligibilityReason check(ElderFacts elder, LocalDate today) {
            List<String> matched = new ArrayList<>();
            for (ElderCategory c : EnumSet.copyOf(categories)) {
                if (elder.categories().contains(c)) {
                    matched.add(c.name());
                }
            }
            if (!matched.isEmpty()) {
                return new EligibilityReason("category", true, matched);
            }
            return new EligibilityReason("category", false, EnumSet.copyOf(categories).stream().map(Enum::name).toList());
        }
    }

    /** Assessed at this ability level or a less able one (a higher code). */
    record MinLevel(AbilityLevel level) implements Condition {
        @Override
        public EligibilityReason check(ElderFacts elder, LocalDate today) {
            if (elder.level() == null) {
                return EligibilityReason.of("level.none", false, level.code());
            }
            return EligibilityReason.of("level", elder.level().atLeast(level), elder.level().code(), elder.assessedOn(), level.code());
        }
    }
}
