package org.yiyang.provider;

/**
 * Who a caregiver is, as others show it: on the dispatcher's board, the order's timeline, the
 * family's page. The phone is the caregiver's work phone (staff, not a subject of care).
 */
public record CaregiverCard(long id, String name, String phone, long providerId, String providerName,
                            CaregiverStatus status) {
}
