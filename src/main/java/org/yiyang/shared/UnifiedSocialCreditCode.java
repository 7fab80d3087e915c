package org.yiyang.shared;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from
 * 0-9 A-H J-N P-R T U W-Y; the last is a MOD 31 check character over the first 17.
 */
public record UnifiedSocialCreditCode(String value) {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public UnifiedSocialCreditCode {
        if (value == null || value.length() != 18) {
            throw new InvalidValueException("uscc.format", String.valueOf(value));
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                throw new InvalidValueException("uscc.format", value);
            }
        }
        if (value.charAt(17) != checkCharacter(value.substring(0, 17))) {
            throw new InvalidValueException("uscc.check-character", value);
        }
    }

    public static UnifiedSocialCreditCode parse(String text) {
        return new UnifiedSocialCreditCode(text == null ? null : text.trim().toUpperCase());
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) throw new InvalidValueException("uscc.format", first17);
            sum += v * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }

    /** The 6-digit administrative division code at positions 3–8. */
    public String divisionCode() {
        return value.substring(2, 8);
    }

    @Override
    public String toString() {
        return value;
    }
}
