package org.yiyang.elder;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.IdCardNumber;
import org.yiyang.shared.RegionLevel;

/** Test data for the elder tests: fresh valid ID numbers (never in the demo city) and communities. */
final class ElderFixtures {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private ElderFixtures() {
    }

    /**
     * A valid 18-digit ID number no other test and no demo elder has: address code 110105 (the demo
     * city is 4109xx), born 1950 or later.
     */
    static String newIdNumber() {
        int n = NEXT.incrementAndGet();
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n);
        String body = "110105" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", 100 + (n % 800));
        return body + IdCardNumber.checkCharacter(body);
    }

    /** The same number as a 15-digit legacy one (for numbers born in the 1900s). */
    static String legacy15(String id18) {
        return id18.substring(0, 6) + id18.substring(8, 17);
    }

    /** A fresh mobile number (199 + 8 digits; the demo city uses it too, so only the combination is unique). */
    static String newPhone() {
        return "1990" + String.format("%07d", 3_000_000 + NEXT.incrementAndGet());
    }

    static Region communityOfFirstCounty(RegionDirectory regions) {
        return communityOf(regions, 0);
    }

    static Region communityOfSecondCounty(RegionDirectory regions) {
        return communityOf(regions, 1);
    }

    private static Region communityOf(RegionDirectory regions, int county) {
        String prefix = regions.ofLevel(RegionLevel.COUNTY).get(county).code().prefix();
        return regions.ofLevel(RegionLevel.COMMUNITY).stream().filter(c -> c.code().value().startsWith(prefix))
                .findFirst().orElseThrow();
    }

    static ElderInput input(String name, String idNumber, String phone, Region community) {
        return new ElderInput(name, idNumber, phone == null ? List.of() : List.of(phone), "ALONE", List.of("LIVING_ALONE", "DISABLED"),
                List.of(new ElderInput.AddressInput(community.code().value(), "幸福路12号3栋2单元401",
                        community.centroid().lat() + 0.001, community.centroid().lng() + 0.001, true)),
                List.of(new ElderInput.ContactInput("李明", "儿子", "13912345678")), null);
    }
}
