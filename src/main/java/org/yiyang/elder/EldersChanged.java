package org.yiyang.elder;

import java.util.List;

/**
 * Published after elders were registered, or their addresses, categories, living situation or
 * status changed (one event per write; an import lists every elder it created). Modules that keep
 * something per elder (coverage) reread these elders through {@link ElderLocations}.
 */
public record EldersChanged(List<Long> elderIds) {

    public EldersChanged {
        elderIds = List.copyOf(elderIds);
    }

    public static EldersChanged of(long elderId) {
        return new EldersChanged(List.of(elderId));
    }
}
