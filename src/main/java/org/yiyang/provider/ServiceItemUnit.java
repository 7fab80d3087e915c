package org.yiyang.provider;

/** What the price of a service item is for: one visit, one hour, or one meal. */
public enum ServiceItemUnit {
    VISIT, HOUR, MEAL
}
