package org.yiyang.shared;

import java.util.List;

/** Input failed validation; carries every field error at once so the user can fix them together. */
public class InputRejectedException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InputRejectedException(List<FieldViolation> violations) {
        super("input rejected: " + violations.stream().map(v -> v.field() + "=" + v.code()).toList());
        this.violations = List.copyOf(violations);
    }

    public static InputRejectedException of(String field, String code, Object... args) {
        return new InputRejectedException(List.of(new FieldViolation(field, code, args)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
