package org.yiyang.dispatch;

import java.util.Set;

/**
 * Who has served an elder before (completed visits), for continuity of care. Read from the
 * orders in the application; {@link InMemoryServiceHistory} stands in for tests and benchmarks.
 */
public interface ServiceHistory {

    Set<Long> servedBefore(long elderId);
}
