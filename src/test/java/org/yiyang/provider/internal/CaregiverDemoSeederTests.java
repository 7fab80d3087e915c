package org.yiyang.provider.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaregiverDemoSeederTests {

    @Test
    void caregiversAreSharedByKindWithHomeCareGettingMostAndEveryOrganisationSome() {
        List<CaregiverDemoSeeder.Org> orgs = new ArrayList<>();
        String[] kinds = {"HOME_CARE", "HOME_CARE", "HOUSEKEEPING", "MEDICAL", "INSTITUTION"};
        for (int i = 0; i < 30; i++) {
            orgs.add(new CaregiverDemoSeeder.Org(i + 1, kinds[i % kinds.length], "410902000000"));
        }
        Map<CaregiverDemoSeeder.Org, Integer> counts = CaregiverDemoSeeder.distribute(orgs, 800);
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(800);
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(3));
        int homeCare = counts.entrySet().stream().filter(e -> e.getKey().kind().equals("HOME_CARE"))
                .mapToInt(Map.Entry::getValue).sum();
        assertThat(homeCare).isGreaterThan(400);
        assertThat(counts.get(orgs.get(0))).isEqualTo(counts.get(orgs.get(1)));
        assertThat(counts.get(orgs.get(0))).isGreaterThan(counts.get(orgs.get(2)));
    }

    @Test
    void aFewOrganisationsStillGetTheirMinimum() {
        List<CaregiverDemoSeeder.Org> orgs = List.of(new CaregiverDemoSeeder.Org(1, "HOME_CARE", "410902000000"));
        assertThat(CaregiverDemoSeeder.distribute(orgs, 800)).containsEntry(orgs.getFirst(), 800);
    }

    @Test
    void theDemoCatalogueHasUniqueCodesAndAtLeastThirtyItems() {
        assertThat(ServiceCatalogueDemoSeeder.ITEMS).hasSizeGreaterThanOrEqualTo(30);
        assertThat(ServiceCatalogueDemoSeeder.ITEMS.stream().map(ServiceCatalogueDemoSeeder.Item::code).distinct().count())
                .isEqualTo(ServiceCatalogueDemoSeeder.ITEMS.size());
        assertThat(ServiceCatalogueDemoSeeder.ITEMS).allSatisfy(i -> {
            assertThat(i.code()).matches(ServiceItemDraft.CODE_PATTERN);
            assertThat(i.minutes()).isPositive();
            ServiceItemDraft.from(new ServiceItemInput(i.code(), i.name(), i.nameEn(), i.category(),
                    String.valueOf(i.minutes()), null, i.priceFen(), i.unit(), i.skill(), i.description(), true));
        });
    }
}
