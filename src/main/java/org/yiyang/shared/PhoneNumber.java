package org.yiyang.shared;

/**
 * A Chinese telephone number: an 11-digit mobile number (1[3-9]xxxxxxxxx) or a landline with its
 * area code (0xx-xxxxxxxx). Spaces, dashes and a leading +86 are removed when parsing.
 */
public record PhoneNumber(String value) {

    public PhoneNumber {
        if (value == null || !(value.matches("1[3-9]\\d{9}") || value.matches("0\\d{2,3}\\d{7,8}"))) {
            throw new InvalidValueException("phone.invalid", String.valueOf(value));
        }
    }

    public static PhoneNumber parse(String text) {
        if (text == null) {
            throw new InvalidValueException("phone.invalid", "");
        }
        String s = text.replaceAll("[\\s\\-()]", "");
        if (s.startsWith("+86")) s = s.substring(3);
        else if (s.startsWith("0086")) s = s.substring(4);
        return new PhoneNumber(s);
    }

    public boolean isMobile() {
        return value.charAt(0) == '1';
    }

    /** 138****5678 for mobiles; landlines keep the area code and the last four digits. */
    public String masked() {
        if (isMobile()) {
            return value.substring(0, 3) + "****" + value.substring(7);
        }
        int areaCode = value.charAt(1) == '1' || value.charAt(1) == '2' ? 3 : 4;
        return value.substring(0, areaCode) + "****" + value.substring(value.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }
}
