package org.yiyang.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects field errors while a form or JSON body is turned into value objects, then throws them
 * all at once. {@code T v = violations.parse("idNumber", () -> IdCardNumber.parse(text));}
 */
public final class Violations {

    private final List<FieldViolation> list = new ArrayList<>();

    public <T> T parse(String field, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidValueException e) {
            list.add(new FieldViolation(field, e.code(), e.rejected()));
            return null;
        }
    }

    public Violations add(String field, String code, Object... args) {
        list.add(new FieldViolation(field, code, args));
        return this;
    }

    public boolean require(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            list.add(new FieldViolation(field, "field.required"));
            return false;
        }
        return true;
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<FieldViolation> list() {
        return List.copyOf(list);
    }

    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new InputRejectedException(list);
        }
    }
}
