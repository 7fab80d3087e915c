package org.yiyang.elder;

import java.time.LocalDate;
import java.time.Period;

/**
 * An elder's age in whole years on a given day, birthday-exact (the thresholds 60, 80 … count from
 * the birthday itself). 80 and over is 高龄 (advanced age), a category derived here and never stored.
 */
public record ElderAge(int years) {

    public static final int ADVANCED_AGE = 80;

    public static ElderAge on(LocalDate birthDate, LocalDate day) {
        return new ElderAge(Math.max(0, Period.between(birthDate, day).getYears()));
    }

    /** 高龄: 80 years or more. */
    public boolean isAdvanced() {
        return years >= ADVANCED_AGE;
    }

    /** The latest birth date of someone who is at least {@code years} old on {@code day}. */
    public static LocalDate bornOnOrBefore(int years, LocalDate day) {
        return day.minusYears(years);
    }
}
