package org.yiyang.subsidy.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.yiyang.assessment.AbilityLevel;
import org.yiyang.elder.ElderAge;
import org.yiyang.elder.ElderCategory;
import org.yiyang.elder.ElderStatus;

/**
 * What the rules decide on, from this module's own copy: the elder's region, birth date,
 * categories and status (from the elder registry) and the current ability level (from the last
 * completed assessment; null when never assessed).
 */
record ElderFacts(long elderId, String regionCode, LocalDate birthDate, Set<ElderCategory> categories, ElderStatus status,
                  AbilityLevel level, LocalDate assessedOn) {

    ElderFacts {
        categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
    }

    int ageOn(LocalDate day) {
        return ElderAge.on(birthDate, day).years();
    }

    /**
     * The first day after {@code today} on which the elder's age in years changes: the next birthday
     * (for someone born on 29 February, the day the birthday-exact age really moves on).
     */
    static LocalDate nextAgeChange(LocalDate birthDate, LocalDate today) {
        int age = ElderAge.on(birthDate, today).years();
        LocalDate next = birthDate.plusYears(age + 1L);
        if (!next.isAfter(today)) {
            next = today.plusDays(1);
        }
        while (ElderAge.on(birthDate, next).years() <= age) {
            next = next.plusDays(1);
        }
        return next;
    }
}
