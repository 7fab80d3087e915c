package org.yiyang.elder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.yiyang.shared.IdCardNumber;
import org.yiyang.shared.PhoneNumber;
import org.yiyang.shared.Sex;

/** The elder's domain rules, without Spring: derivations, masking, categories, advanced age, status. */
class ElderTests {

    @Test
    void sexAndBirthDateFollowFromTheIdNumber() {
        IdCardNumber woman = IdCardNumber.parse("11010519491231002X");
        assertThat(woman.sex()).isEqualTo(Sex.FEMALE);
        assertThat(woman.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        IdCardNumber man = IdCardNumber.parse("440524188001010014");
        assertThat(man.sex()).isEqualTo(Sex.MALE);
        assertThat(man.birthDate()).isEqualTo(LocalDate.of(1880, 1, 1));
    }

    @Test
    void aFifteenDigitNumberIsUpgradedBeforeAnythingIsDerived() {
        IdCardNumber upgraded = IdCardNumber.parse("110105491231002");
        assertThat(upgraded.value()).isEqualTo("11010519491231002X");
        assertThat(ElderAge.on(upgraded.birthDate(), LocalDate.of(2026, 11, 22)).years()).isEqualTo(76);
    }

    @Test
    void idNumbersAndPhonesAreMaskedForLists() {
        assertThat(IdCardNumber.parse("11010519491231002x").masked()).isEqualTo("1101**********002X");
        assertThat(PhoneNumber.parse("138 1234 5678").masked()).isEqualTo("138****5678");
    }

    @Test
    void advancedAgeBeginsExactlyOnTheEightiethBirthday() {
        LocalDate born = LocalDate.of(1946, 11, 22);
        assertThat(ElderAge.on(born, LocalDate.of(2026, 11, 21)).years()).isEqualTo(79);
        assertThat(ElderAge.on(born, LocalDate.of(2026, 11, 21)).isAdvanced()).isFalse();
        assertThat(ElderAge.on(born, LocalDate.of(2026, 11, 22)).years()).isEqualTo(80);
        assertThat(ElderAge.on(born, LocalDate.of(2026, 11, 22)).isAdvanced()).isTrue();
    }

    @Test
    void someoneBornOnTheTwentyNinthOfFebruaryTurnsEightyOnTheFirstOfMarchInACommonYear() {
        LocalDate born = LocalDate.of(1944, 2, 29);
        assertThat(ElderAge.on(born, LocalDate.of(2024, 2, 28)).isAdvanced()).isFalse();
        assertThat(ElderAge.on(born, LocalDate.of(2024, 2, 29)).isAdvanced()).isTrue();
        assertThat(ElderAge.on(born, LocalDate.of(2023, 2, 28)).years()).isEqualTo(78);
        assertThat(ElderAge.on(born, LocalDate.of(2023, 3, 1)).years()).isEqualTo(79);
    }

    @Test
    void theLatestBirthDateOfAnEightyYearOldIsEightyYearsBeforeToday() {
        LocalDate today = LocalDate.of(2026, 11, 22);
        LocalDate latest = ElderAge.bornOnOrBefore(80, today);
        assertThat(ElderAge.on(latest, today).isAdvanced()).isTrue();
        assertThat(ElderAge.on(latest.plusDays(1), today).isAdvanced()).isFalse();
    }

    @Test
    void categoriesAreTheNineStoredOnesAndAdvancedAgeIsNotAmongThem() {
        assertThat(ElderCategory.values()).hasSize(9);
        assertThat(ElderCategory.byName("living_alone")).contains(ElderCategory.LIVING_ALONE);
        assertThat(ElderCategory.byName(ElderCategory.ADVANCED_AGE)).isEmpty();
        assertThat(ElderCategory.byName("nonsense")).isEmpty();
        assertThat(ElderCategory.EMPTY_NEST.messageKey()).isEqualTo("elder.category.EMPTY_NEST");
        assertThat(LivingSituation.byName("with_spouse")).contains(LivingSituation.WITH_SPOUSE);
    }

    @Test
    void aDeceasedElderStaysDeceasedAndAMovedOutElderMayComeBack() {
        assertThat(ElderStatus.ACTIVE.canChangeTo(ElderStatus.MOVED_OUT)).isTrue();
        assertThat(ElderStatus.ACTIVE.canChangeTo(ElderStatus.ACTIVE)).isFalse();
        assertThat(ElderStatus.MOVED_OUT.canChangeTo(ElderStatus.ACTIVE)).isTrue();
        assertThat(ElderStatus.MOVED_OUT.canChangeTo(ElderStatus.DECEASED)).isTrue();
        for (ElderStatus s : ElderStatus.values()) {
            assertThat(ElderStatus.DECEASED.canChangeTo(s)).isFalse();
        }
    }
}
