package org.yiyang.subsidy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yiyang.assessment.AbilityLevel;
import org.yiyang.elder.ElderCategory;
import org.yiyang.elder.ElderStatus;
import org.yiyang.subsidy.EligibilityReason;

/** Each kind of condition, the rules built from them, and which rule decides in which region. */
class EligibilityRuleTests {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final String COMMUNITY = "410902001001";

    static final EligibilityRule OLD_AGE = rule("", "OLD_AGE_ALLOWANCE", 80, Set.of(), null);
    static final EligibilityRule SERVICE = rule("", "SERVICE_SUBSIDY", null,
            Set.of(ElderCategory.ECONOMIC_HARDSHIP, ElderCategory.SUBSISTENCE_ALLOWANCE, ElderCategory.EXTREME_POVERTY), null);
    static final EligibilityRule CARE = rule("", "CARE_SUBSIDY", null, Set.of(ElderCategory.ECONOMIC_HARDSHIP), AbilityLevel.MODERATE);
    static final EligibilityRule VOUCHER = rule("", "CONSUMPTION_VOUCHER", null, Set.of(), AbilityLevel.MODERATE);

    static EligibilityRule rule(String prefix, String benefit, Integer minAge, Set<ElderCategory> categories, AbilityLevel minLevel) {
        return new EligibilityRule(prefix, benefit, true, minAge, categories, minLevel, 0, "test", null);
    }

    static ElderFacts elder(LocalDate birth, Set<ElderCategory> categories, AbilityLevel level) {
        return new ElderFacts(1, COMMUNITY, birth, categories, ElderStatus.ACTIVE, level, level == null ? null : LocalDate.of(2026, 3, 2));
    }

    @Test
    void theOldAgeAllowanceStartsOnTheEightiethBirthdayItself() {
        LocalDate birth = LocalDate.of(1946, 3, 10);
        assertThat(OLD_AGE.evaluate(elder(birth, Set.of(), null), TODAY.minusDays(1)))
                .isEqualTo(new Verdict(false, List.of(EligibilityReason.of("age", false, 79, 80))));
        assertThat(OLD_AGE.evaluate(elder(birth, Set.of(), null), TODAY))
                .isEqualTo(new Verdict(true, List.of(EligibilityReason.of("age", true, 80, 80))));
        assertThat(OLD_AGE.evaluate(elder(LocalDate.of(1930, 1, 1), Set.of(), null), TODAY).eligible()).isTrue();
    }

    @Test
    void theServiceSubsidyNeedsAnyOfItsCategoriesAndNamesTheOnesMatched() {
        Verdict poor = SERVICE.evaluate(elder(LocalDate.of(1950, 1, 1), Set.of(ElderCategory.LIVING_ALONE,
                ElderCategory.SUBSISTENCE_ALLOWANCE, ElderCategory.EXTREME_POVERTY), null), TODAY);
        assertThat(poor.eligible()).isTrue();
        assertThat(poor.reasons()).containsExactly(new EligibilityReason("category", true,
                List.of("SUBSISTENCE_ALLOWANCE", "EXTREME_POVERTY")));

        Verdict alone = SERVICE.evaluate(elder(LocalDate.of(1950, 1, 1), Set.of(ElderCategory.LIVING_ALONE), null), TODAY);
        assertThat(alone.eligible()).isFalse();
        assertThat(alone.reasons()).containsExactly(new EligibilityReason("category", false,
                List.of("SUBSISTENCE_ALLOWANCE", "EXTREME_POVERTY", "ECONOMIC_HARDSHIP")));
    }

    @Test
    void theCareSubsidyNeedsHardshipAndAtLeastAModerateImpairment() {
        Set<ElderCategory> hardship = Set.of(ElderCategory.ECONOMIC_HARDSHIP);
        LocalDate birth = LocalDate.of(1945, 5, 5);

        Verdict severe = CARE.evaluate(elder(birth, hardship, AbilityLevel.SEVERE), TODAY);
        assertThat(severe.eligible()).isTrue();
        assertThat(severe.reasons()).containsExactly(
                new EligibilityReason("category", true, List.of("ECONOMIC_HARDSHIP")),
                EligibilityReason.of("level", true, 3, "2026-03-02", 2));

        assertThat(CARE.evaluate(elder(birth, hardship, AbilityLevel.MODERATE), TODAY).eligible()).isTrue();
        assertThat(CARE.evaluate(elder(birth, hardship, AbilityLevel.MILD), TODAY).reasons())
                .contains(EligibilityReason.of("level", false, 1, "2026-03-02", 2));
        assertThat(CARE.evaluate(elder(birth, hardship, AbilityLevel.MILD), TODAY).eligible()).isFalse();
        assertThat(CARE.evaluate(elder(birth, Set.of(ElderCategory.DISABLED), AbilityLevel.TOTAL), TODAY).eligible()).isFalse();

        Verdict neverAssessed = CARE.evaluate(elder(birth, hardship, null), TODAY);
        assertThat(neverAssessed.eligible()).isFalse();
        assertThat(neverAssessed.reasons()).contains(EligibilityReason.of("level.none", false, 2));
    }

    @Test
    void theConsumptionVoucherGoesToModeratelyImpairedOrWorse() {
        LocalDate birth = LocalDate.of(1955, 1, 1);
        assertThat(VOUCHER.evaluate(elder(birth, Set.of(), AbilityLevel.INTACT), TODAY).eligible()).isFalse();
        assertThat(VOUCHER.evaluate(elder(birth, Set.of(), AbilityLevel.MILD), TODAY).eligible()).isFalse();
        assertThat(VOUCHER.evaluate(elder(birth, Set.of(), AbilityLevel.MODERATE), TODAY).eligible()).isTrue();
        assertThat(VOUCHER.evaluate(elder(birth, Set.of(), AbilityLevel.SEVERE), TODAY).eligible()).isTrue();
        assertThat(VOUCHER.evaluate(elder(birth, Set.of(), AbilityLevel.TOTAL), TODAY).eligible()).isTrue();
        assertThat(VOUCHER.evaluate(elder(birth, Set.of(), null), TODAY).eligible()).isFalse();
    }

    @Test
    void onlyActiveEldersQualifyAndABenefitNotOfferedQualifiesNobody() {
        ElderFacts deceased = new ElderFacts(1, COMMUNITY, LocalDate.of(1930, 1, 1), Set.of(), ElderStatus.DECEASED, null, null);
        assertThat(OLD_AGE.evaluate(deceased, TODAY)).isEqualTo(Verdict.no("status", "DECEASED"));

        EligibilityRule notHere = new EligibilityRule("410923", "OLD_AGE_ALLOWANCE", false, 80, Set.of(), null, 0, "t", null);
        assertThat(notHere.evaluate(elder(LocalDate.of(1930, 1, 1), Set.of(), null), TODAY)).isEqualTo(Verdict.no("not-offered"));

        EligibilityRule everyone = rule("", "X", null, Set.of(), null);
        assertThat(everyone.evaluate(elder(LocalDate.of(1960, 1, 1), Set.of(), null), TODAY))
                .isEqualTo(new Verdict(true, List.of(EligibilityReason.of("all", true))));
    }

    @Test
    void theLongestRegionPrefixWinsAndTheDefaultCoversTheRest() {
        EligibilityRule city = rule("4109", "OLD_AGE_ALLOWANCE", 80, Set.of(), null);
        EligibilityRule county = rule("410923", "OLD_AGE_ALLOWANCE", 70, Set.of(), null);
        EligibilityRule street = rule("410923100", "OLD_AGE_ALLOWANCE", 75, Set.of(), null);
        RuleBook book = new RuleBook(List.of("OLD_AGE_ALLOWANCE", "CARE_SUBSIDY"), List.of(OLD_AGE, street, city, county));

        assertThat(book.ruleFor("OLD_AGE_ALLOWANCE", "410923100200")).contains(street);
        assertThat(book.ruleFor("OLD_AGE_ALLOWANCE", "410923001001")).contains(county);
        assertThat(book.ruleFor("OLD_AGE_ALLOWANCE", "410902001001")).contains(city);
        assertThat(book.ruleFor("OLD_AGE_ALLOWANCE", "110105001001")).contains(OLD_AGE);

        ElderFacts seventyTwo = new ElderFacts(7, "410923001001", LocalDate.of(1954, 1, 1), Set.of(), ElderStatus.ACTIVE, null, null);
        List<RuleBook.Outcome> outcomes = book.evaluate(seventyTwo, TODAY);
        assertThat(outcomes).extracting(RuleBook.Outcome::benefitCode).containsExactly("OLD_AGE_ALLOWANCE", "CARE_SUBSIDY");
        assertThat(outcomes.get(0).rulePrefix()).isEqualTo("410923");
        assertThat(outcomes.get(0).verdict().eligible()).isTrue();
        assertThat(outcomes.get(1)).isEqualTo(new RuleBook.Outcome("CARE_SUBSIDY", null, Verdict.no("no-rule")));
    }

    @Test
    void theNextAgeChangeIsTheNextBirthdayAndMovesOnForLeapDayBirthdays() {
        assertThat(ElderFacts.nextAgeChange(LocalDate.of(1946, 3, 11), TODAY)).isEqualTo(LocalDate.of(2026, 3, 11));
        assertThat(ElderFacts.nextAgeChange(LocalDate.of(1946, 3, 10), TODAY)).isEqualTo(LocalDate.of(2027, 3, 10));
        assertThat(ElderFacts.nextAgeChange(LocalDate.of(1946, 3, 9), TODAY)).isEqualTo(LocalDate.of(2027, 3, 9));
        LocalDate leap = LocalDate.of(1948, 2, 29);
        LocalDate next = ElderFacts.nextAgeChange(leap, LocalDate.of(2026, 2, 1));
        assertThat(next).isAfter(LocalDate.of(2026, 2, 1));
        assertThat(ElderFacts.nextAgeChange(leap, next)).isAfter(next);
        assertThat(new ElderFacts(1, COMMUNITY, leap, Set.of(), ElderStatus.ACTIVE, null, null).ageOn(next)).isEqualTo(78);
    }
}
