package org.yiyang.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The official vectors of DOMAIN.md §5.1. */
class IdCardNumberTests {

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "440524188001010014", "34052419800101001X", "370101190102039973"})
    void officialValidVectorsAreAccepted(String id) {
        assertThat(IdCardNumber.parse(id).value()).isEqualTo(id);
    }

    @Test
    void aWrongCheckDigitIsRejected() {
        assertThatThrownBy(() -> IdCardNumber.parse("110105194912310021"))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).code()).isEqualTo("idcard.check-digit");
    }

    @Test
    void aLowerCaseXIsNormalised() {
        assertThat(IdCardNumber.parse("11010519491231002x").value()).isEqualTo("11010519491231002X");
    }

    @Test
    void aFifteenDigitLegacyNumberIsUpgraded() {
        assertThat(IdCardNumber.parse("110105491231002").value()).isEqualTo("11010519491231002X");
    }

    @Test
    void sexAndBirthDateComeFromTheNumber() {
        IdCardNumber id = IdCardNumber.parse("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.sex()).isEqualTo(Sex.FEMALE);
        assertThat(IdCardNumber.parse("440524188001010014").sex()).isEqualTo(Sex.MALE);
    }

    @Test
    void anImpossibleBirthDateIsRejected() {
        String body = "11010519490231002";
        assertThatThrownBy(() -> IdCardNumber.parse(body + IdCardNumber.checkCharacter(body)))
                .extracting(e -> ((InvalidValueException) e).code()).isEqualTo("idcard.birth-date");
    }

    @Test
    void aBirthDateInTheFutureIsRejected() {
        String body = "11010530000101002";
        assertThatThrownBy(() -> IdCardNumber.parse(body + IdCardNumber.checkCharacter(body)))
                .extracting(e -> ((InvalidValueException) e).code()).isEqualTo("idcard.birth-date");
    }

    @Test
    void garbageIsAFormatError() {
        assertThatThrownBy(() -> IdCardNumber.parse("1101051949"))
                .extracting(e -> ((InvalidValueException) e).code()).isEqualTo("idcard.format");
    }

    @Test
    void theMaskKeepsFourAndFour() {
        assertThat(IdCardNumber.parse("11010519491231002X").masked()).isEqualTo("1101**********002X");
    }

    @Test
    void ageIsBirthdayExact() {
        IdCardNumber id = IdCardNumber.parse("11010519491231002X");
        assertThat(id.ageOn(LocalDate.of(2029, 12, 30))).isEqualTo(79);
        assertThat(id.ageOn(LocalDate.of(2029, 12, 31))).isEqualTo(80);
    }
}
