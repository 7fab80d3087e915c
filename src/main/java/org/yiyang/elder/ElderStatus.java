package org.yiyang.elder;

import java.util.Optional;

/**
 * Where an elder stands in the registry. Records are never deleted: an elder who moves away is
 * {@code MOVED_OUT} (and may come back to {@code ACTIVE}); {@code DECEASED} is final.
 */
public enum ElderStatus {
    ACTIVE, MOVED_OUT, DECEASED;

    public boolean canChangeTo(ElderStatus next) {
        return switch (this) {
            case ACTIVE -> next == MOVED_OUT || next == DECEASED;
            case MOVED_OUT -> next == ACTIVE || next == DECEASED;
            case DECEASED -> false;
        };
    }

    public String messageKey() {
        return "elder.status." + name();
    }

    public static Optional<ElderStatus> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (ElderStatus s : values()) {
            if (s.name().equalsIgnoreCase(name.trim())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
