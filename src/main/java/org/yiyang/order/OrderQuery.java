package org.yiyang.order;

import java.time.LocalDate;

/** Search filters: state, region subtree (a 2–12 digit prefix), placed from/to (days, inclusive, platform time zone). */
public record OrderQuery(OrderState state, String region, LocalDate from, LocalDate to) {
}
