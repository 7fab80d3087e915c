package org.yiyang.order;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import org.yiyang.shared.GeoPoint;

/**
 * The proof of a visit with the six EVV elements (DOMAIN.md §3.2–3.3): type of service, elder,
 * date, location (check-in point, its distance to the registered address and whether it lay in
 * the geofence), caregiver, start and end. {@code end} and {@code durationMinutes} are null while
 * the visit runs; {@code shorterThanStandard} flags a visit shorter than the item's standard time.
 */
@Schema(name = "VisitRecord")
public record VisitRecord(long serviceItemId, String serviceCode, String serviceName, long elderId, LocalDate serviceDate,
                          GeoPoint checkInLocation, String addressText, int distanceMeters, boolean withinGeofence,
                          String outsideGeofenceReason, GeoPoint checkOutLocation, Integer checkOutDistanceMeters,
                          long caregiverId, Long providerId, Instant start, Instant end, Integer durationMinutes,
                          boolean shorterThanStandard) {
}
