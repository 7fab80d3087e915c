package org.yiyang.provider.internal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.yiyang.provider.CaregiverLevel;
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.provider.CaregiverStatus;
import org.yiyang.provider.CaregiverWorkWindow;
import org.yiyang.shared.IdCardNumber;
import org.yiyang.shared.PhoneNumber;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.Sex;
import org.yiyang.shared.Violations;

/**
 * A caregiver's fields after the checks that need nothing but the input itself. The checks that
 * need the database (provider, community, distance, scope) are the service's; both write into the
 * same {@link Violations} so the user sees every error at once. {@code home} is null when the input
 * left it blank (the service then uses the community centroid).
 */
public record CaregiverDraft(Long providerId, String name, PhoneNumber phone, String idNumberMasked, Sex sex,
                             Set<CaregiverSkill> skills, String certificateNo, CaregiverLevel certificateLevel,
                             LocalDate certificateExpiry, Double homeLat, Double homeLng, RegionCode regionCode,
                             CaregiverWorkWindow window, int maxDailyOrders, CaregiverStatus status) {

    static final int MAX_DAILY_ORDERS = 30;

    /** Reads the input; fields in error are null in the result and recorded in {@code v}. */
    public static CaregiverDraft parse(CaregiverInput in, Violations v) {
        Long providerId = null;
        if (v.require("providerId", in.providerId())) {
            try {
                providerId = Long.parseLong(in.providerId().strip());
            } catch (NumberFormatException e) {
                v.add("providerId", "caregiver.provider-unknown", in.providerId());
            }
        }
        String name = trim(in.name());
        if (v.require("name", name) && name.length() > 40) {
            v.add("name", "field.too-long", 40);
            name = null;
        }
        PhoneNumber phone = null;
        if (v.require("phone", trim(in.phone()))) {
            phone = v.parse("phone", () -> PhoneNumber.parse(in.phone()));
        }
        String idMasked = null;
        Sex sex = null;
        String sexText = trim(in.sex());
        if (sexText != null) {
            sex = ServiceItemDraft.enumValue(Sex.class, sexText);
            if (sex == null) v.add("sex", "caregiver.sex-invalid", sexText);
        }
        if (trim(in.idNumber()) != null) {
            IdCardNumber id = v.parse("idNumber", () -> IdCardNumber.parse(in.idNumber()));
            if (id != null) {
                idMasked = id.masked();
                if (sex != null && sex != id.sex()) {
                    v.add("sex", "caregiver.sex-mismatch");
                }
                sex = id.sex();
            }
        }
        Set<CaregiverSkill> skills = EnumSet.noneOf(CaregiverSkill.class);
        for (String s : nonNull(in.skills())) {
            if (s == null || s.isBlank()) continue;
            CaregiverSkill.find(s).ifPresentOrElse(skills::add, () -> v.add("skills", "caregiver.skill-invalid", s));
        }
        if (skills.isEmpty()) {
            v.add("skills", "caregiver.skills-required");
        }

        String certNo = trim(in.certificateNo());
        CaregiverLevel level = null;
        LocalDate expiry = null;
        if (trim(in.certificateLevel()) != null) {
            level = ServiceItemDraft.enumValue(CaregiverLevel.class, in.certificateLevel());
            if (level == null) v.add("certificateLevel", "caregiver.level-invalid", in.certificateLevel());
        }
        if (trim(in.certificateExpiry()) != null) {
            try {
                expiry = LocalDate.parse(in.certificateExpiry().strip());
            } catch (DateTimeParseException e) {
                v.add("certificateExpiry", "caregiver.date-invalid", in.certificateExpiry());
            }
        }
        boolean anyCertificate = certNo != null || trim(in.certificateLevel()) != null || trim(in.certificateExpiry()) != null;
        if (anyCertificate) {
            // a certificate is the number, the level and the expiry together
            if (certNo == null) v.add("certificateNo", "caregiver.certificate-incomplete");
            else if (certNo.length() > 40) v.add("certificateNo", "field.too-long", 40);
            if (trim(in.certificateLevel()) == null) v.add("certificateLevel", "caregiver.certificate-incomplete");
            if (trim(in.certificateExpiry()) == null) v.add("certificateExpiry", "caregiver.certificate-incomplete");
        }

        Double lat = null;
        Double lng = null;
        boolean latGiven = trim(in.homeLat()) != null;
        boolean lngGiven = trim(in.homeLng()) != null;
        if (latGiven != lngGiven) {
            v.add(latGiven ? "homeLng" : "homeLat", "caregiver.home-incomplete");
        } else if (latGiven) {
            lat = number(v, "homeLat", in.homeLat(), -90, 90);
            lng = number(v, "homeLng", in.homeLng(), -180, 180);
        }
        RegionCode region = null;
        if (v.require("regionCode", trim(in.regionCode()))) {
            region = v.parse("regionCode", () -> RegionCode.of(in.regionCode()));
        }

        CaregiverWorkWindow window = parseWindow(in.workDays(), in.workStart(), in.workEnd(), v);

        int maxDaily = 8;
        if (trim(in.maxDailyOrders()) != null) {
            try {
                maxDaily = Integer.parseInt(in.maxDailyOrders().strip());
                if (maxDaily < 1 || maxDaily > MAX_DAILY_ORDERS) {
                    v.add("maxDailyOrders", "caregiver.max-daily-orders-invalid", MAX_DAILY_ORDERS);
                }
            } catch (NumberFormatException e) {
                v.add("maxDailyOrders", "field.invalid-number");
            }
        }
        CaregiverStatus status = CaregiverStatus.ACTIVE;
        if (trim(in.status()) != null) {
            status = ServiceItemDraft.enumValue(CaregiverStatus.class, in.status());
            if (status == null) v.add("status", "caregiver.status-invalid", in.status());
        }
        return new CaregiverDraft(providerId, name, phone, idMasked, sex, skills, certNo, level, expiry,
                lat, lng, region, window, maxDaily, status);
    }

    /**
     * The working days (ISO numbers 1–7 or names such as MONDAY) and the daily shift "HH:mm"; the
     * shift must start before it ends ({@code caregiver.work-hours-invalid} on {@code workEnd}).
     */
    static CaregiverWorkWindow parseWindow(List<String> dayTexts, String startText, String endText, Violations v) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : nonNull(dayTexts)) {
            if (d == null || d.isBlank()) continue;
            DayOfWeek day = dayOf(d.strip());
            if (day == null) v.add("workDays", "caregiver.work-days-invalid", d);
            else days.add(day);
        }
        if (days.isEmpty()) {
            v.add("workDays", "caregiver.work-days-required");
        }
        LocalTime start = time(v, "workStart", startText);
        LocalTime end = time(v, "workEnd", endText);
        if (start != null && end != null && !start.isBefore(end)) {
            v.add("workEnd", "caregiver.work-hours-invalid", startText.strip(), endText.strip());
            return null;
        }
        if (days.isEmpty() || start == null || end == null) {
            return null;
        }
        return new CaregiverWorkWindow(days, start, end);
    }

    private static DayOfWeek dayOf(String text) {
        try {
            return DayOfWeek.of(Integer.parseInt(text));
        } catch (NumberFormatException | DateTimeException e) {
            return ServiceItemDraft.enumValue(DayOfWeek.class, text);
        }
    }

    private static LocalTime time(Violations v, String field, String text) {
        if (!v.require(field, trim(text))) {
            return null;
        }
        try {
            return LocalTime.parse(text.strip().length() == 4 ? "0" + text.strip() : text.strip());
        } catch (DateTimeParseException e) {
            v.add(field, "caregiver.time-invalid", text);
            return null;
        }
    }

    private static Double number(Violations v, String field, String text, double min, double max) {
        try {
            double d = Double.parseDouble(text.strip());
            if (Double.isNaN(d) || d < min || d > max) {
                v.add(field, "geo.invalid", text);
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            v.add(field, "field.invalid-number");
            return null;
        }
    }

    private static List<String> nonNull(List<String> list) {
        return list == null ? List.of() : list;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
