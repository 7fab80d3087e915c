package org.yiyang.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yiyang.provider.internal.ServiceItemDraft;
import org.yiyang.provider.internal.ServiceItemInput;
import org.yiyang.provider.internal.ServiceItemPrice;
import org.yiyang.shared.FieldViolation;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.InvalidValueException;
import org.yiyang.shared.Money;

class ServiceItemTests {

    @ParameterizedTest
    @CsvSource({"35.5, 3550", "35, 3500", "35.50, 3550", "0, 0", "0.01, 1", "19.99, 1999", "0.29, 29",
            "'35.50 元', 3550", "' 8 ', 800", "100000, 10000000", "1.1, 110"})
    void yuanAsTypedBecomesExactFen(String typed, long fen) {
        assertThat(ServiceItemPrice.parseYuan(typed)).isEqualTo(Money.ofFen(fen));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "1e3", "35.555", "35.", ".5", "1,000", "100000.01", "NaN", "3 5"})
    void badPricesAreRejected(String typed) {
        assertThatThrownBy(() -> ServiceItemPrice.parseYuan(typed))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).code()).isEqualTo("service-item.price-invalid");
    }

    @Test
    void aMissingPriceIsRequired() {
        assertThatThrownBy(() -> ServiceItemPrice.parseYuan("  "))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).code()).isEqualTo("service-item.price-required");
    }

    @Test
    void pricesAreShownInYuanWithTwoDecimals() {
        assertThat(Money.ofFen(3500).toYuanString()).isEqualTo("35.00");
        assertThat(ServiceItemPrice.parseYuan("35.5").toYuanString()).isEqualTo("35.50");
    }

    @Test
    void aGoodItemIsNormalised() {
        ServiceItemDraft d = ServiceItemDraft.from(new ServiceItemInput(" zc-101 ", "送餐上门", "Meal delivery", "meal",
                "30", "15", null, "MEAL", "meal", "", null));
        assertThat(d.code()).isEqualTo("ZC-101");
        assertThat(d.category()).isEqualTo(ServiceItemCategory.MEAL);
        assertThat(d.price()).isEqualTo(Money.ofFen(1500));
        assertThat(d.unit()).isEqualTo(ServiceItemUnit.MEAL);
        assertThat(d.requiredSkill()).isEqualTo(CaregiverSkill.MEAL);
        assertThat(d.description()).isNull();
        assertThat(d.active()).isTrue();
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        ServiceItemInput bad = new ServiceItemInput("001", "", null, "GARDENING", "0", "35.555", null, "WEEK", "FLYING",
                null, false);
        assertThatThrownBy(() -> ServiceItemDraft.from(bad))
                .isInstanceOf(InputRejectedException.class)
                .satisfies(e -> assertThat(((InputRejectedException) e).violations())
                        .extracting(FieldViolation::field, FieldViolation::code)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("code", "service-item.code-invalid"),
                                org.assertj.core.groups.Tuple.tuple("name", "field.required"),
                                org.assertj.core.groups.Tuple.tuple("category", "service-item.category-invalid"),
                                org.assertj.core.groups.Tuple.tuple("standardMinutes", "service-item.minutes-invalid"),
                                org.assertj.core.groups.Tuple.tuple("price", "service-item.price-invalid"),
                                org.assertj.core.groups.Tuple.tuple("unit", "service-item.unit-invalid"),
                                org.assertj.core.groups.Tuple.tuple("requiredSkill", "caregiver.skill-invalid")));
    }

    @Test
    void theApiGivesFenAndANegativeAmountIsRejected() {
        ServiceItemInput viaApi = new ServiceItemInput("ZC-102", "午餐", null, "MEAL", "30", null, -1L, null, null, null, null);
        assertThatThrownBy(() -> ServiceItemDraft.from(viaApi))
                .isInstanceOf(InputRejectedException.class)
                .satisfies(e -> assertThat(((InputRejectedException) e).violations())
                        .extracting(FieldViolation::field).containsExactly("priceFen"));
        ServiceItemInput noPrice = new ServiceItemInput("ZC-102", "午餐", null, "MEAL", "30", null, null, null, null, null, null);
        assertThatThrownBy(() -> ServiceItemDraft.from(noPrice)).isInstanceOf(InputRejectedException.class);
    }
}
