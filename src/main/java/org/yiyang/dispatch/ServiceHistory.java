package org.yiyang.dispatch;

import java.util.Set;

/**
 * Who has served an elder before (completed visits), for continuity of care. Implemented by the
 * order module; {@link InMemoryServiceHistory} stands in until then and in tests.
 */
public interface ServiceHistory {

    Set<Long> servedBefore(long elderId);
}
