package org.yiyang.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yiyang.provider.internal.CaregiverDraft;
import org.yiyang.provider.internal.CaregiverInput;
import org.yiyang.shared.FieldViolation;
import org.yiyang.shared.IdCardNumber;
import org.yiyang.shared.InvalidValueException;
import org.yiyang.shared.Sex;
import org.yiyang.shared.Violations;

class CaregiverTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void certificateStatusOnAFixedDay() {
        assertThat(CaregiverCertificateStatus.of(null, TODAY)).isEqualTo(CaregiverCertificateStatus.NONE);
        assertThat(CaregiverCertificateStatus.of(TODAY.minusDays(1), TODAY)).isEqualTo(CaregiverCertificateStatus.EXPIRED);
        assertThat(CaregiverCertificateStatus.of(TODAY, TODAY)).isEqualTo(CaregiverCertificateStatus.EXPIRING);
        assertThat(CaregiverCertificateStatus.of(TODAY.plusDays(30), TODAY)).isEqualTo(CaregiverCertificateStatus.EXPIRING);
        assertThat(CaregiverCertificateStatus.of(TODAY.plusDays(31), TODAY)).isEqualTo(CaregiverCertificateStatus.VALID);
        assertThat(CaregiverCertificateStatus.EXPIRED.qualifies()).isFalse();
        assertThat(CaregiverCertificateStatus.NONE.qualifies()).isFalse();
        assertThat(CaregiverCertificateStatus.EXPIRING.qualifies()).isTrue();
    }

    @Test
    void aShiftMustStartBeforeItEnds() {
        Set<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        CaregiverWorkWindow w = new CaregiverWorkWindow(weekdays, LocalTime.of(8, 0), LocalTime.of(17, 0));
        assertThat(w.isoDays()).isEqualTo("1,2,3,4,5");
        assertThat(w.worksOn(LocalDate.of(2026, 11, 23))).isTrue();   // a Monday
        assertThat(w.worksOn(LocalDate.of(2026, 11, 22))).isFalse();  // a Sunday
        assertThat(w.covers(LocalTime.of(8, 0), LocalTime.of(9, 0))).isTrue();
        assertThat(w.covers(LocalTime.of(16, 30), LocalTime.of(17, 30))).isFalse();

        assertThatThrownBy(() -> new CaregiverWorkWindow(weekdays, LocalTime.of(17, 0), LocalTime.of(8, 0)))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("caregiver.work-hours-invalid");
        assertThatThrownBy(() -> new CaregiverWorkWindow(weekdays, LocalTime.of(8, 0), LocalTime.of(8, 0)))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("caregiver.work-hours-invalid");
        assertThatThrownBy(() -> new CaregiverWorkWindow(Set.of(), LocalTime.of(8, 0), LocalTime.of(9, 0)))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("caregiver.work-days-required");
        assertThat(CaregiverWorkWindow.parseDays("7,1,6")).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThatThrownBy(() -> CaregiverWorkWindow.parseDays("1,8")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aGoodInputBecomesADraftWithTheIdNumberMasked() {
        String id = validId("410902", "19780512", "124");
        Violations v = new Violations();
        CaregiverDraft d = CaregiverDraft.parse(input(id, "08:00", "17:00", List.of("meal", "VISIT")), v);
        assertThat(v.list()).isEmpty();
        assertThat(d.idNumberMasked()).isEqualTo(IdCardNumber.parse(id).masked()).doesNotContain(id.substring(6, 14));
        assertThat(d.sex()).isEqualTo(Sex.FEMALE);
        assertThat(d.skills()).containsExactlyInAnyOrder(CaregiverSkill.MEAL, CaregiverSkill.VISIT);
        assertThat(d.window().start()).isEqualTo(LocalTime.of(8, 0));
        assertThat(d.window().days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY);
        assertThat(d.phone().value()).isEqualTo("13812345678");
    }

    @Test
    void aShiftEndingBeforeItStartsIsAFieldErrorOnTheEnd() {
        Violations v = new Violations();
        CaregiverDraft.parse(input("", "18:00", "08:00", List.of("MEAL")), v);
        assertThat(v.list()).extracting(FieldViolation::field, FieldViolation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("workEnd", "caregiver.work-hours-invalid"));
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        CaregiverInput bad = new CaregiverInput("x", " ", "12345", "410902197805121235", "FEMALE", List.of("FLYING"),
                "C-1", "", "2027-02-30", "35.7", "", "4109", List.of("9"), "8am", "17:00", "0", "RETIRED");
        Violations v = new Violations();
        CaregiverDraft.parse(bad, v);
        assertThat(v.list()).extracting(FieldViolation::field).contains("providerId", "name", "phone", "idNumber",
                "skills", "certificateLevel", "certificateExpiry", "homeLng", "regionCode", "workDays", "workStart",
                "maxDailyOrders", "status");
        assertThat(v.list()).extracting(FieldViolation::code).contains("caregiver.skill-invalid",
                "caregiver.certificate-incomplete", "caregiver.date-invalid", "caregiver.home-incomplete",
                "caregiver.work-days-invalid", "caregiver.time-invalid", "caregiver.max-daily-orders-invalid",
                "phone.invalid", "field.required", "caregiver.skills-required");
    }

    @Test
    void aSexContradictingTheIdNumberIsRejected() {
        String maleId = validId("410902", "19700101", "135");
        Violations v = new Violations();
        CaregiverDraft.parse(new CaregiverInput("1", "王芳", "13812345678", maleId, "FEMALE", List.of("MEAL"), "", "", "",
                "", "", "410902001001", List.of("1"), "08:00", "17:00", "", ""), v);
        assertThat(v.list()).extracting(FieldViolation::code).containsExactly("caregiver.sex-mismatch");
    }

    private static CaregiverInput input(String idNumber, String start, String end, List<String> skills) {
        return new CaregiverInput("1", "李秀英", "138 1234 5678", idNumber, "", skills, "410902202300001", "LEVEL_4",
                "2028-06-30", "35.76", "115.03", "410902001001", List.of("1", "2", "3"), start, end, "6", "ACTIVE");
    }

    static String validId(String county, String birth, String seq) {
        String body = county + birth + seq;
        return body + IdCardNumber.checkCharacter(body);
    }
}
