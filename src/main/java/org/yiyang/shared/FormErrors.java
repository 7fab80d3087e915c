package org.yiyang.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Field errors of a rejected console form, in the user's language, for the templates:
 * {@code errors.has('name')}, {@code errors.get('name')}.
 */
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    public static FormErrors of(List<FieldViolation> violations, MessageSource messages) {
        FormErrors e = new FormErrors();
        for (FieldViolation v : violations) {
            String text = messages.getMessage(v.code(), v.args(), v.code(), LocaleContextHolder.getLocale());
            e.byField.merge(v.field(), text, (a, b) -> a + " " + b);
        }
        return e;
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public int count() {
        return byField.size();
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    /** Errors for fields the form does not show (reported at the top). */
    public List<String> otherThan(List<String> shown) {
        return byField.entrySet().stream().filter(e -> !shown.contains(e.getKey())).map(Map.Entry::getValue).toList();
    }
}
