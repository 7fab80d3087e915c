package org.yiyang.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;

/**
 * A resident identity number (公民身份号码, GB 11643-1999): 6-digit address code, 8-digit birth
 * date, 3-digit sequence (odd = male) and an ISO 7064 MOD 11-2 check character. 15-digit legacy
 * numbers (GB 11643-1989) are upgraded on parsing. Stored upper-case.
 */
public record IdCardNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1850, 1, 1);

    public IdCardNumber {
        if (value == null || !value.matches("\\d{17}[\\dX]")) {
            throw new InvalidValueException("idcard.format", String.valueOf(value));
        }
        if (value.charAt(17) != checkCharacter(value.substring(0, 17))) {
            throw new InvalidValueException("idcard.check-digit", value);
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new InvalidValueException("idcard.birth-date", value);
        }
        if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(LocalDate.now())) {
            throw new InvalidValueException("idcard.birth-date", value);
        }
    }

    /**
     * Parses an 18-digit number (lower-case x accepted) or upgrades a 15-digit legacy one by
     * inserting the century "19" and appending the check character.
     */
    public static IdCardNumber parse(String text) {
        if (text == null) {
            throw new InvalidValueException("idcard.format", "");
        }
        String s = text.trim().toUpperCase();
        if (s.matches("\\d{15}")) {
            String body = s.substring(0, 6) + "19" + s.substring(6);
            return new IdCardNumber(body + checkCharacter(body));
        }
        return new IdCardNumber(s);
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
    }

    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    public int ageOn(LocalDate day) {
        return Period.between(birthDate(), day).getYears();
    }

    /** The 6-digit address code of the registered residence when the number was issued. */
    public String addressCode() {
        return value.substring(0, 6);
    }

    /** 1101**********002X: the first four and last four characters. */
    public String masked() {
        return value.substring(0, 4) + "**********" + value.substring(14);
    }

    @Override
    public String toString() {
        return masked();
    }
}
