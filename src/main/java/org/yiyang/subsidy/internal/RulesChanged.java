package org.yiyang.subsidy.internal;

/**
 * A rule of a region changed (internal event): the region's elders are evaluated again after
 * commit, in the background, so a supervisor saving the city's rule does not wait for the whole
 * city. Public only so that the event publication registry can store and replay it.
 */
public record RulesChanged(String regionPrefix) {
}
