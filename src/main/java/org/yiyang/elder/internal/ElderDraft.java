package org.yiyang.elder.internal;

import java.util.List;
import java.util.Set;
import org.yiyang.elder.ElderCategory;
import org.yiyang.elder.LivingSituation;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.IdCardNumber;
import org.yiyang.shared.PhoneNumber;
import org.yiyang.shared.RegionCode;

/** An elder's details after every check passed: value objects only, the primary address first. */
record ElderDraft(String name, IdCardNumber idNumber, List<PhoneNumber> phones, LivingSituation livingSituation,
                  Set<ElderCategory> categories, List<Address> addresses, List<Contact> contacts) {

    record Address(RegionCode community, String text, GeoPoint location, boolean primary) {
    }

    record Contact(String name, String relation, PhoneNumber phone) {
    }

    /** The community of the primary address: the elder's region. */
    RegionCode regionCode() {
        return addresses.getFirst().community();
    }

    String[] nameGrams() {
        return NameGrams.of(name);
    }

    String[] phoneValues() {
        return phones.stream().map(PhoneNumber::value).toArray(String[]::new);
    }

    String[] phoneTails() {
        return phones.stream().map(p -> p.value().substring(p.value().length() - 4)).distinct().toArray(String[]::new);
    }

    String[] categoryNames() {
        return categories.stream().sorted().map(Enum::name).toArray(String[]::new);
    }
}
