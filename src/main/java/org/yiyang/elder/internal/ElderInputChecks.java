package org.yiyang.elder.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yiyang.elder.ElderCategory;
import org.yiyang.elder.ElderInput;
import org.yiyang.elder.LivingSituation;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.IdCardNumber;
import org.yiyang.shared.InvalidValueException;
import org.yiyang.shared.PhoneNumber;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.RegionLevel;
import org.yiyang.shared.Violations;

/**
 * Turns submitted text into an {@link ElderDraft}, collecting every field error: the ID number
 * (check digit, birth date; 15 digits upgraded), phones, a community that exists, is a community or
 * village and lies in the caller's scope, a location near that community, living situation and
 * categories. Duplicate ID numbers are checked by the callers, which know the database.
 */
@Component
class ElderInputChecks {

    static final int MAX_NAME = 50;
    static final int MAX_ADDRESS = 200;
    static final int MAX_PHONES = 5;
    static final int MAX_ADDRESSES = 10;
    static final int MAX_CONTACTS = 5;

    private final RegionDirectory regions;
    private final double maxDistanceMeters;

    ElderInputChecks(RegionDirectory regions,
                     @Value("${yiyang.elder.max-distance-from-community-m:5000}") double maxDistanceMeters) {
        this.regions = regions;
        this.maxDistanceMeters = maxDistanceMeters;
    }

    /** Remembers region look-ups for one request or one import. */
    static final class RegionCache {
        private final Map<RegionCode, Optional<Region>> found = new HashMap<>();
    }

    RegionCache newCache() {
        return new RegionCache();
    }

    /**
     * @param keptIdNumber on update, the stored ID number used when {@code idNumber} is blank; null on create
     * @return the draft, or null when {@code v} received errors
     */
    ElderDraft check(DataScope scope, ElderInput in, IdCardNumber keptIdNumber, Violations v, RegionCache cache) {
        String name = trim(in.name());
        if (v.require("name", name) && name.length() > MAX_NAME) {
            v.add("name", "field.too-long", String.valueOf(MAX_NAME));
        }

        IdCardNumber id = null;
        String idText = trim(in.idNumber());
        if (idText == null && keptIdNumber != null) {
            id = keptIdNumber;
        } else if (v.require("idNumber", idText)) {
            id = v.parse("idNumber", () -> IdCardNumber.parse(idText));
        }

        List<PhoneNumber> phones = new ArrayList<>();
        List<String> phoneTexts = in.phones();
        for (int i = 0; i < phoneTexts.size(); i++) {
            String t = trim(phoneTexts.get(i));
            if (t == null) {
                continue;
            }
            PhoneNumber p = v.parse("phones[" + i + "]", () -> PhoneNumber.parse(t));
            if (p != null && !phones.contains(p)) {
                phones.add(p);
            }
        }
        if (phones.size() > MAX_PHONES) {
            v.add("phones", "elder.phones.too-many", String.valueOf(MAX_PHONES));
        }

        LivingSituation living = null;
        String livingText = trim(in.livingSituation());
        if (v.require("livingSituation", livingText)) {
            living = LivingSituation.byName(livingText).orElse(null);
            if (living == null) {
                v.add("livingSituation", "elder.living.invalid", livingText);
            }
        }

        Set<ElderCategory> categories = EnumSet.noneOf(ElderCategory.class);
        for (String c : in.categories()) {
            String t = trim(c);
            if (t == null) {
                continue;
            }
            ElderCategory.byName(t).ifPresentOrElse(categories::add, () -> v.add("categories", "elder.category.invalid", t));
        }

        List<ElderDraft.Address> addresses = checkAddresses(scope, in.addresses(), v, cache);
        List<ElderDraft.Contact> contacts = checkContacts(in.contacts(), v);

        if (!v.isEmpty()) {
            return null;
        }
        return new ElderDraft(name, id, List.copyOf(phones), living, categories, addresses, contacts);
    }

    private List<ElderDraft.Address> checkAddresses(DataScope scope, List<ElderInput.AddressInput> inputs, Violations v,
                                                    RegionCache cache) {
        List<ElderDraft.Address> out = new ArrayList<>();
        List<ElderInput.AddressInput> given = inputs.stream().filter(a -> a != null && !isBlank(a)).toList();
        if (given.isEmpty()) {
            v.add("addresses[0].communityCode", "elder.address.required");
            return out;
        }
        if (given.size() > MAX_ADDRESSES) {
            v.add("addresses", "elder.addresses.too-many", String.valueOf(MAX_ADDRESSES));
            return out;
        }
        int primaryIndex = -1;
        for (int i = 0; i < inputs.size(); i++) {
            ElderInput.AddressInput a = inputs.get(i);
            if (a == null || isBlank(a)) {
                continue;
            }
            String field = "addresses[" + i + "].";
            Region community = checkCommunity(scope, field + "communityCode", trim(a.communityCode()), v, cache);
            String text = trim(a.address());
            if (v.require(field + "address", text) && text.length() > MAX_ADDRESS) {
                v.add(field + "address", "field.too-long", String.valueOf(MAX_ADDRESS));
            }
            GeoPoint location = null;
            if (a.lat() != null && a.lng() != null) {
                location = v.parse(field + "location", () -> new GeoPoint(a.lat(), a.lng()));
            } else if (a.lat() != null || a.lng() != null) {
                v.add(field + "location", "elder.location.incomplete");
            }
            if (community != null && community.centroid() != null) {
                if (location == null) {
                    location = community.centroid();
                } else {
                    double d = location.distanceMeters(community.centroid());
                    if (d > maxDistanceMeters) {
                        v.add(field + "location", "elder.location.too-far", String.valueOf(Math.round(d / 100) / 10.0),
                                community.name(), String.valueOf(Math.round(maxDistanceMeters)));
                    }
                }
            }
            if (community != null && location == null) {
                v.add(field + "location", "elder.location.required");
            }
            boolean primary = Boolean.TRUE.equals(a.primary()) && primaryIndex < 0;
            if (primary) {
                primaryIndex = out.size();
            }
            if (community != null && text != null && location != null) {
                out.add(new ElderDraft.Address(community.code(), text, location, primary));
            }
        }
        if (!v.isEmpty()) {
            return out;
        }
        // the primary address goes first, and is marked; without a mark, the first one is primary
        int p = Math.max(primaryIndex, 0);
        List<ElderDraft.Address> ordered = new ArrayList<>();
        ElderDraft.Address first = out.get(p);
        ordered.add(new ElderDraft.Address(first.community(), first.text(), first.location(), true));
        for (int i = 0; i < out.size(); i++) {
            if (i != p) {
                ElderDraft.Address a = out.get(i);
                ordered.add(new ElderDraft.Address(a.community(), a.text(), a.location(), false));
            }
        }
        return List.copyOf(ordered);
    }

    private Region checkCommunity(DataScope scope, String field, String code, Violations v, RegionCache cache) {
        if (!v.require(field, code)) {
            return null;
        }
        if (!RegionCode.isWellFormed(code)) {
            v.add(field, "region.code.invalid", code);
            return null;
        }
        RegionCode rc = RegionCode.of(code);
        Optional<Region> region = cache.found.computeIfAbsent(rc, regions::find);
        if (region.isEmpty() || region.get().level() != RegionLevel.COMMUNITY) {
            v.add(field, "elder.community.unknown", code);
            return null;
        }
        if (!scope.covers(rc)) {
            v.add(field, "elder.community.out-of-scope", code);
            return null;
        }
        return region.get();
    }

    private List<ElderDraft.Contact> checkContacts(List<ElderInput.ContactInput> inputs, Violations v) {
        List<ElderDraft.Contact> out = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < inputs.size(); i++) {
            ElderInput.ContactInput c = inputs.get(i);
            if (c == null) {
                continue;
            }
            String name = trim(c.name());
            String relation = trim(c.relation());
            String phone = trim(c.phone());
            if (name == null && relation == null && phone == null) {
                continue;
            }
            count++;
            String field = "contacts[" + i + "].";
            if (v.require(field + "name", name) && name.length() > MAX_NAME) {
                v.add(field + "name", "field.too-long", String.valueOf(MAX_NAME));
            }
            if (relation != null && relation.length() > 20) {
                v.add(field + "relation", "field.too-long", "20");
            }
            PhoneNumber p = v.require(field + "phone", phone) ? v.parse(field + "phone", () -> PhoneNumber.parse(phone)) : null;
            if (name != null && p != null) {
                out.add(new ElderDraft.Contact(name, relation, p));
            }
        }
        if (count > MAX_CONTACTS) {
            v.add("contacts", "elder.contacts.too-many", String.valueOf(MAX_CONTACTS));
        }
        return List.copyOf(out);
    }

    private static boolean isBlank(ElderInput.AddressInput a) {
        return trim(a.communityCode()) == null && trim(a.address()) == null && a.lat() == null && a.lng() == null;
    }

    static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** Parses one ID number as the checks do, for search: null when it is not a valid number. */
    static IdCardNumber idNumberOrNull(String text) {
        try {
            return IdCardNumber.parse(text);
        } catch (InvalidValueException e) {
            return null;
        }
    }
}
