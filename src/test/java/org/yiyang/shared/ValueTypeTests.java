package org.yiyang.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValueTypeTests {

    @Test
    void regionCodeKnowsItsLevelPrefixAndParent() {
        RegionCode community = RegionCode.of("410902001003");
        assertThat(community.level()).isEqualTo(RegionLevel.COMMUNITY);
        assertThat(community.parent()).isEqualTo(RegionCode.of("410902001000"));
        assertThat(community.parent().level()).isEqualTo(RegionLevel.TOWN);
        assertThat(community.parent().parent()).isEqualTo(RegionCode.of("410902000000"));
        assertThat(RegionCode.of("410902000000").prefix()).isEqualTo("410902");
        assertThat(RegionCode.of("410900000000").level()).isEqualTo(RegionLevel.CITY);
        assertThat(RegionCode.of("410900000000").contains(community)).isTrue();
        assertThat(RegionCode.of("410922000000").contains(community)).isFalse();
        assertThat(community.isStreet()).isTrue();
        assertThat(RegionCode.of("410922101201").isVillage()).isTrue();
        assertThat(RegionCode.of("410922101001").isVillage()).isFalse();
    }

    @Test
    void regionCodeRejectsWrongLengths() {
        assertThatThrownBy(() -> RegionCode.of("4109")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> RegionCode.of("41090200100A")).isInstanceOf(InvalidValueException.class);
    }

    /** GB 32100 examples: real codes published by their organisations. */
    @Test
    void unifiedSocialCreditCodeCheckCharacter() {
        assertThat(UnifiedSocialCreditCode.parse("91350100M000100Y43").value()).isEqualTo("91350100M000100Y43");
        assertThat(UnifiedSocialCreditCode.parse("91110000802100433B").divisionCode()).isEqualTo("110000");
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("91350100M000100Y44"))
                .extracting(e -> ((InvalidValueException) e).code()).isEqualTo("uscc.check-character");
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("91350100I000100Y43"))
                .extracting(e -> ((InvalidValueException) e).code()).isEqualTo("uscc.format");
    }

    @Test
    void phoneNumbersAreNormalisedAndMasked() {
        assertThat(PhoneNumber.parse("+86 138-0013-8000").value()).isEqualTo("13800138000");
        assertThat(PhoneNumber.parse("13800138000").masked()).isEqualTo("138****8000");
        assertThat(PhoneNumber.parse("0393-4412345").masked()).isEqualTo("0393****2345");
        assertThatThrownBy(() -> PhoneNumber.parse("12345")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void moneyIsFen() {
        assertThat(Money.ofFen(3500).toYuanString()).isEqualTo("35.00");
        assertThat(Money.ofFen(5).toYuanString()).isEqualTo("0.05");
        assertThat(Money.ofFen(-150).toYuanString()).isEqualTo("-1.50");
        assertThat(Money.ofFen(100).plus(Money.ofFen(250))).isEqualTo(Money.ofFen(350));
    }

    @Test
    void greatCircleDistance() {
        GeoPoint a = new GeoPoint(35.76, 115.03);
        GeoPoint b = new GeoPoint(35.77, 115.03);
        assertThat(a.distanceMeters(b)).isBetween(1110.0, 1113.0);
        assertThatThrownBy(() -> new GeoPoint(91, 0)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void regionScopeBecomesASqlPrefixCondition() {
        assertThat(DataScope.region("410902").regionPredicate("e.region_code")).isEqualTo("e.region_code like '410902%'");
        assertThat(new DataScope.Elder(5).regionPredicate("e.region_code")).isEqualTo("false");
        assertThatThrownBy(() -> DataScope.region("41' or 1=1 --")).isInstanceOf(InvalidValueException.class);
    }
}
