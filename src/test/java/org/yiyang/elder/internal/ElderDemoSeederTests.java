package org.yiyang.elder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yiyang.elder.ElderAge;
import org.yiyang.elder.ElderCategory;
import org.yiyang.region.Region;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.IdCardNumber;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.RegionLevel;
import org.yiyang.shared.Sex;

/** The generated demo elders, without a database: reproducible, valid, and with the intended mix. */
class ElderDemoSeederTests {

    private final ElderDemoSeeder seeder = new ElderDemoSeeder(null, null, null, null, null, null);

    private static List<Region> communities() {
        List<Region> out = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            out.add(new Region(new RegionCode(String.format("410902001%03d", i)), "社区" + i, RegionLevel.COMMUNITY,
                    new RegionCode("410902001000"), new GeoPoint(35.77 + i * 0.01, 115.07), "111"));
            out.add(new Region(new RegionCode(String.format("410922101%03d", 200 + i)), "村" + i, RegionLevel.COMMUNITY,
                    new RegionCode("410922101000"), new GeoPoint(35.88 + i * 0.01, 115.10), "220"));
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameElders() {
        var a = seeder.generate(new Random(7), communities(), 500);
        var b = seeder.generate(new Random(7), communities(), 500);
        assertThat(a).isEqualTo(b);
        assertThat(seeder.generate(new Random(8), communities(), 500)).isNotEqualTo(a);
    }

    @Test
    void everyElderIsValidUniqueAndLivesNearTheirCommunity() {
        var elders = seeder.generate(new Random(1), communities(), 5_000);
        var ids = new HashSet<String>();
        for (var e : elders) {
            assertThat(ids.add(e.id().value())).isTrue();
            assertThat(IdCardNumber.parse(e.id().value())).isEqualTo(e.id());
            assertThat(e.id().addressCode()).isEqualTo(e.community().code().countyCode());
            assertThat(ElderAge.on(e.id().birthDate(), ElderDemoSeeder.REFERENCE_DAY).years()).isBetween(60, 101);
            assertThat(e.phones()).isNotEmpty();
            assertThat(e.contacts()).hasSizeBetween(1, 2);
            assertThat(e.addresses().getFirst().community()).isEqualTo(e.community());
            e.addresses().forEach(a -> assertThat(a.location().distanceMeters(a.community().centroid())).isLessThanOrEqualTo(401));
            if (e.categories().contains(ElderCategory.LEFT_BEHIND)) {
                assertThat(e.community().isVillage()).isTrue();
            }
        }
    }

    @Test
    void theAgeSexAndCategoryMixIsRealistic() {
        var elders = seeder.generate(new Random(3), communities(), 20_000);
        double n = elders.size();
        long sixties = elders.stream().filter(e -> age(e) < 70).count();
        long eighties = elders.stream().filter(e -> age(e) >= 80 && age(e) < 90).count();
        long men = elders.stream().filter(e -> e.id().sex() == Sex.MALE).count();
        assertThat(sixties / n).isCloseTo(0.55, within(0.02));
        assertThat(eighties / n).isCloseTo(0.12, within(0.015));
        assertThat(men / n).isCloseTo(0.48, within(0.02));
        assertThat(share(elders, ElderCategory.EMPTY_NEST)).isCloseTo(0.40, within(0.02));
        assertThat(share(elders, ElderCategory.LIVING_ALONE)).isCloseTo(0.12, within(0.015));
        assertThat(share(elders, ElderCategory.SUBSISTENCE_ALLOWANCE)).isCloseTo(0.05, within(0.01));
        long urban = elders.stream().filter(e -> !e.community().isVillage()).count();
        assertThat(urban / n).isGreaterThan(0.6);
    }

    private static int age(ElderDemoSeeder.Generated e) {
        return ElderAge.on(e.id().birthDate(), ElderDemoSeeder.REFERENCE_DAY).years();
    }

    private static double share(List<ElderDemoSeeder.Generated> elders, ElderCategory c) {
        return elders.stream().filter(e -> e.categories().contains(c)).count() / (double) elders.size();
    }
}
