package org.yiyang.elder;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.Sex;

/**
 * An elder's full record. {@code idNumber} and the phone numbers are whole only when
 * {@code personalDataVisible} (the caller holds PII_VIEW); otherwise {@code idNumber} is null and
 * phones are masked.
 */
public record ElderRecord(long id, String name, Sex sex, LocalDate birthDate, int age, boolean advancedAge,
                          @Schema(description = "Whole ID number, only for callers allowed to see it") String idNumber,
                          String idNumberMasked, List<String> phones, LivingSituation livingSituation,
                          List<ElderCategory> categories, String regionCode, List<Address> addresses,
                          List<Contact> contacts, ElderStatus status, LocalDate statusSince,
                          List<StatusEntry> statusHistory, boolean personalDataVisible, int version,
                          Instant createdAt, Instant updatedAt) {

    @Schema(name = "ElderAddress")
    public record Address(String communityCode, String communityName, String address, GeoPoint location, boolean primary) {
    }

    @Schema(name = "ElderContact")
    public record Contact(String name, String relation, String phone) {
    }

    @Schema(name = "ElderStatusEntry")
    public record StatusEntry(ElderStatus status, String reason, LocalDate effectiveDate, Instant changedAt, String changedBy) {
    }

    public Address primaryAddress() {
        return addresses.stream().filter(Address::primary).findFirst().orElse(addresses.isEmpty() ? null : addresses.getFirst());
    }
}
