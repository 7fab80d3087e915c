package org.yiyang.provider;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.yiyang.shared.InvalidValueException;

/**
 * When a caregiver works: the days of the week and one daily shift from {@code start} to
 * {@code end} (same day, start strictly before end). Stored as ISO day numbers {@code "1,2,3,4,5"}.
 */
public record CaregiverWorkWindow(Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    public CaregiverWorkWindow {
        if (days == null || days.isEmpty()) {
            throw new InvalidValueException("caregiver.work-days-required", "");
        }
        if (start == null || end == null || !start.isBefore(end)) {
            throw new InvalidValueException("caregiver.work-hours-invalid", start + "-" + end);
        }
        days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    /** Reads the stored form {@code "1,2,3,4,5"} (ISO numbers, Monday = 1). */
    public static Set<DayOfWeek> parseDays(String isoDays) {
        if (isoDays == null || isoDays.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(isoDays.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> {
                    try {
                        return DayOfWeek.of(Integer.parseInt(s));
                    } catch (RuntimeException e) {
                        throw new InvalidValueException("caregiver.work-days-invalid", isoDays);
                    }
                })
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
    }

    /** The stored form: ascending ISO day numbers separated by commas. */
    public String isoDays() {
        return days.stream().sorted().map(d -> String.valueOf(d.getValue())).collect(Collectors.joining(","));
    }

    public boolean worksOn(LocalDate day) {
        return days.contains(day.getDayOfWeek());
    }

    /** Whether a visit from {@code from} to {@code to} fits in the shift. */
    public boolean covers(LocalTime from, LocalTime to) {
        return !from.isBefore(start) && !to.isAfter(end) && from.isBefore(to);
    }
}
