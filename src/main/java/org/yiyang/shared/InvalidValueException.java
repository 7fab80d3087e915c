package org.yiyang.shared;

/**
 * A value object refused its input. The message code names the rule (e.g. {@code idcard.check-digit})
 * and is looked up in the message bundles, so forms and the API can say what is wrong in the
 * user's language.
 */
public class InvalidValueException extends IllegalArgumentException {

    private final String code;
    private final String rejected;

    public InvalidValueException(String code, String rejected) {
        super(code + ": " + rejected);
        this.code = code;
        this.rejected = rejected;
    }

    public String code() {
        return code;
    }

    public String rejected() {
        return rejected;
    }
}
