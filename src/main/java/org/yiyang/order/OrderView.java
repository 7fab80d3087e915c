package org.yiyang.order;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.yiyang.shared.GeoPoint;

/**
 * An order with its full history. {@code confirmationCode} is shown only to those who may see it
 * (the elder's family and operators), never to the caregiver who must hear it from the elder.
 */
@Schema(name = "Order")
public record OrderView(long id, OrderState state, String stateReason, Unassignable unassignable, long elderId,
                        String elderName, String regionCode,
                        Service service, OrderChannel channel, String placedBy, Instant placedAt, Address address,
                        Instant windowFrom, Instant windowTo, String notes, Long caregiverId, Long providerId,
                        Caregiver caregiver, Instant offerExpiresAt, Instant acceptedAt, String confirmationCode, VisitRecord visit,
                        String caregiverNotes, Instant confirmedAt, String confirmedBy, Integer rating, String ratingComment,
                        Instant ratedAt, List<HistoryEntry> history, List<Photo> photos, int version) {

    /** The caregiver the order is offered to or taken by: who, how to reach them, for which provider. */
    @Schema(name = "OrderCaregiver")
    public record Caregiver(long id, String name, String phone, long providerId, String providerName) {
    }

    /** Automatic dispatch found nobody: why (in both languages) and when; null otherwise. */
    @Schema(name = "OrderUnassignable")
    public record Unassignable(String reasonZh, String reasonEn, Instant at) {

        public String reason(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) ? reasonEn : reasonZh;
        }
    }

    /** The service item as it was when the order was placed. */
    @Schema(name = "OrderService")
    public record Service(long itemId, String code, String name, long priceFen, int standardMinutes, String requiredSkill) {
    }

    /** The address as it was when the order was placed (one of the elder's). */
    @Schema(name = "OrderAddress")
    public record Address(String text, String communityCode, GeoPoint location) {
    }

    /** One step of the history: what happened, from which state to which, who, when, where, why. */
    @Schema(name = "OrderHistoryEntry")
    public record HistoryEntry(String action, OrderState fromState, OrderState toState, long userId, String username,
                               Instant at, GeoPoint location, String reason, String detail) {
    }

    @Schema(name = "OrderPhoto")
    public record Photo(long id, String sha256, String contentType, int sizeBytes, String uploadedBy, Instant uploadedAt) {
    }
}
