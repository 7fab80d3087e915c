package org.yiyang.elder;

import java.util.Optional;

/** With whom the elder lives (居住状况). Labels under {@link #messageKey()}. */
public enum LivingSituation {
    ALONE, WITH_SPOUSE, WITH_CHILDREN, INSTITUTION, OTHER;

    public String messageKey() {
        return "elder.living." + name();
    }

    public static Optional<LivingSituation> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (LivingSituation s : values()) {
            if (s.name().equalsIgnoreCase(name.trim())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
