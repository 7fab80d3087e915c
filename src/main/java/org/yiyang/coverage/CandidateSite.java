package org.yiyang.coverage;

import org.yiyang.shared.GeoPoint;

/** A place where a facility could be opened: a building the bureau lists, or a grid cell's centre. */
public record CandidateSite(String id, String name, GeoPoint location) {
}
