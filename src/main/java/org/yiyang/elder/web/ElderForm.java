package org.yiyang.elder.web;

import java.util.ArrayList;
import java.util.List;
import org.yiyang.elder.ElderCategory;
import org.yiyang.elder.ElderInput;
import org.yiyang.elder.ElderRecord;

/**
 * The console's register/edit form, field names as in {@link ElderInput} so the registry's field
 * errors land next to the right input. Latitude and longitude come as text: a non-number is
 * reported as a bad location.
 */
record ElderForm(String name, String idNumber, List<String> phones, String livingSituation, List<String> categories,
                 List<AddressRow> addresses, String primary, List<ContactRow> contacts, String version) {

    static final int PHONE_SLOTS = 3;
    static final int ADDRESS_SLOTS = 2;
    static final int CONTACT_SLOTS = 2;

    record AddressRow(String communityCode, String address, String lat, String lng) {
    }

    record ContactRow(String name, String relation, String phone) {
    }

    ElderForm {
        phones = pad(phones, PHONE_SLOTS, () -> "");
        categories = categories == null ? List.of() : categories;
        addresses = pad(addresses, ADDRESS_SLOTS, () -> new AddressRow("", "", "", ""));
        contacts = pad(contacts, CONTACT_SLOTS, () -> new ContactRow("", "", ""));
        primary = primary == null || primary.isBlank() ? "0" : primary.strip();
    }

    static ElderForm empty() {
        return new ElderForm("", "", null, "", null, null, "0", null, null);
    }

    /** The form for an existing record opened with its numbers whole. */
    static ElderForm of(ElderRecord r) {
        List<AddressRow> addresses = new ArrayList<>();
        int primary = 0;
        for (int i = 0; i < r.addresses().size(); i++) {
            ElderRecord.Address a = r.addresses().get(i);
            if (a.primary()) {
                primary = i;
            }
            addresses.add(new AddressRow(a.communityCode(), a.address(), String.valueOf(a.location().lat()),
                    String.valueOf(a.location().lng())));
        }
        List<ContactRow> contacts = r.contacts().stream().map(c -> new ContactRow(c.name(), c.relation(), c.phone())).toList();
        return new ElderForm(r.name(), r.idNumber() == null ? "" : r.idNumber(), r.phones(), r.livingSituation().name(),
                r.categories().stream().map(ElderCategory::name).toList(), addresses, String.valueOf(primary), contacts,
                String.valueOf(r.version()));
    }

    ElderInput toInput() {
        List<ElderInput.AddressInput> in = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            AddressRow a = addresses.get(i);
            if (a == null) {
                in.add(null);
                continue;
            }
            in.add(new ElderInput.AddressInput(a.communityCode(), a.address(), number(a.lat()), number(a.lng()), i == primaryIndex()));
        }
        return new ElderInput(name, idNumber, phones, livingSituation, categories, in,
                contacts.stream().map(c -> c == null ? null : new ElderInput.ContactInput(c.name(), c.relation(), c.phone())).toList(),
                versionNumber());
    }

    /** The index of the address marked primary (the first when the mark is missing or garbled). */
    public int primaryIndex() {
        try {
            return Integer.parseInt(primary);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The version the form was read at; a garbled one is treated as stale (-1), so the save is refused as a conflict. */
    public Integer versionNumber() {
        if (version == null || version.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(version.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Double number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return Double.NaN; // refused by GeoPoint as a bad location
        }
    }

    private static <T> List<T> pad(List<T> list, int slots, java.util.function.Supplier<T> blank) {
        List<T> out = new ArrayList<>(list == null ? List.of() : list.stream().map(x -> x == null ? blank.get() : x).toList());
        while (out.size() < slots) {
            out.add(blank.get());
        }
        if (!out.isEmpty() && list != null && list.size() >= slots && !isBlankSlot(out.getLast())) {
            out.add(blank.get()); // room for one more
        }
        return out;
    }

    private static boolean isBlankSlot(Object o) {
        return switch (o) {
            case String s -> s.isBlank();
            case AddressRow a -> (a.communityCode() == null || a.communityCode().isBlank()) && (a.address() == null || a.address().isBlank());
            case ContactRow c -> (c.name() == null || c.name().isBlank()) && (c.phone() == null || c.phone().isBlank());
            default -> false;
        };
    }
}
