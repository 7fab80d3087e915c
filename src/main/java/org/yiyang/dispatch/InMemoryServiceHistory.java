package org.yiyang.dispatch;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe {@link ServiceHistory} kept in memory. */
public final class InMemoryServiceHistory implements ServiceHistory {

    private final Map<Long, Set<Long>> caregiversByElder = new ConcurrentHashMap<>();

    @Override
    public Set<Long> servedBefore(long elderId) {
        return Set.copyOf(caregiversByElder.getOrDefault(elderId, Set.of()));
    }

    /** Records that the caregiver served the elder. */
    public InMemoryServiceHistory served(long elderId, long caregiverId) {
        caregiversByElder.computeIfAbsent(elderId, k -> ConcurrentHashMap.newKeySet()).add(caregiverId);
        return this;
    }
}
