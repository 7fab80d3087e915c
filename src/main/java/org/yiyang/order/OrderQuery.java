package org.yiyang.order;

import java.time.LocalDate;

/**
 * Search filters: state, region subtree (a 2–12 digit prefix), placed from/to (days, inclusive,
 * platform time zone); {@code atRiskFirst} puts the at-risk orders on top (the dispatcher's view:
 * awaiting dispatch with nobody found, not accepted within 10 minutes of being placed, not checked
 * in 15 minutes after the window opened), otherwise newest first.
 */
public record OrderQuery(OrderState state, String region, LocalDate from, LocalDate to, boolean atRiskFirst) {

    public OrderQuery(OrderState state, String region, LocalDate from, LocalDate to) {
        this(state, region, from, to, false);
    }
}
