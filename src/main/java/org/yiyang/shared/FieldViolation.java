package org.yiyang.shared;

/** One field's error: the field name as the form/JSON knows it, a message code and its arguments. */
public record FieldViolation(String field, String code, Object... args) {
}
