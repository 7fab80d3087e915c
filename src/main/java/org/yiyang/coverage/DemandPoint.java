package org.yiyang.coverage;

import org.yiyang.shared.GeoPoint;

/** One elder outside every circle of the type: where, and how much covering the elder counts. */
public record DemandPoint(long elderId, GeoPoint location, double weight) {
}
