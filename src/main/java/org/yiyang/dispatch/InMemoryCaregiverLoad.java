package org.yiyang.dispatch;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe {@link CaregiverLoad} kept in memory (tests, benchmarks, and until orders exist). */
public final class InMemoryCaregiverLoad implements CaregiverLoad {

    private record Key(long caregiverId, LocalDate day) {
    }

    private final Map<Key, Integer> counts = new ConcurrentHashMap<>();

    @Override
    public int ordersOn(long caregiverId, LocalDate day) {
        return counts.getOrDefault(new Key(caregiverId, day), 0);
    }

    /** Records one more order for the caregiver on the day. */
    public InMemoryCaregiverLoad add(long caregiverId, LocalDate day) {
        return add(caregiverId, day, 1);
    }

    public InMemoryCaregiverLoad add(long caregiverId, LocalDate day, int orders) {
        counts.merge(new Key(caregiverId, day), orders, Integer::sum);
        return this;
    }
}
