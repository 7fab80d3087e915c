package org.yiyang.elder;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What a caller submits to register or update an elder: raw text, checked by the registry, which
 * reports every wrong field at once (field names as here: {@code idNumber}, {@code phones[1]},
 * {@code addresses[0].communityCode}, {@code contacts[0].phone}). Sex and birth date are not
 * submitted: they follow from the ID number.
 */
@Schema(description = "An elder to register or update")
public record ElderInput(
        @Schema(example = "王秀英") String name,
        @Schema(description = "18-digit ID number (15-digit legacy numbers are upgraded). On update, empty keeps the stored one.",
                example = "11010519491231002X") String idNumber,
        @Schema(description = "Mobile or landline numbers", example = "[\"13812345678\"]") List<String> phones,
        @Schema(description = "ALONE, WITH_SPOUSE, WITH_CHILDREN, INSTITUTION or OTHER", example = "ALONE") String livingSituation,
        @Schema(description = "LIVING_ALONE, EMPTY_NEST, LEFT_BEHIND, DISABLED, SEVERE_DISABILITY, FAMILY_PLANNING_SPECIAL, "
                + "SUBSISTENCE_ALLOWANCE, EXTREME_POVERTY, ECONOMIC_HARDSHIP") List<String> categories,
        @Schema(description = "Service addresses; the primary one (or the first) decides the elder's region") List<AddressInput> addresses,
        @Schema(description = "Emergency contacts") List<ContactInput> contacts,
        @Schema(description = "On update: the version read; a stale version is refused (409)") Integer version) {

    public ElderInput {
        phones = phones == null ? List.of() : phones;
        categories = categories == null ? List.of() : categories;
        addresses = addresses == null ? List.of() : addresses;
        contacts = contacts == null ? List.of() : contacts;
    }

    /** A service address in a community; without a location the community's centroid is used. */
    @Schema(name = "ElderAddressInput")
    public record AddressInput(
            @Schema(description = "12-digit code of the community or village", example = "410902001001") String communityCode,
            @Schema(example = "幸福路12号3栋2单元401") String address,
            @Schema(example = "35.76") Double lat,
            @Schema(example = "115.03") Double lng,
            Boolean primary) {
    }

    @Schema(name = "ElderContactInput")
    public record ContactInput(@Schema(example = "李明") String name,
                               @Schema(example = "儿子") String relation,
                               @Schema(example = "13912345678") String phone) {
    }
}
