package org.yiyang.dispatch;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * How many orders each caregiver already has on a day (assigned or accepted, not cancelled).
 * Read from the orders in the application; {@link InMemoryCaregiverLoad} stands in for tests and benchmarks.
 */
public interface CaregiverLoad {

    int ordersOn(long caregiverId, LocalDate day);

    /** The loads of several caregivers at once (absent = 0); override with one query when it is a database. */
    default Map<Long, Integer> ordersOn(Collection<Long> caregiverIds, LocalDate day) {
        Map<Long, Integer> result = new HashMap<>();
        for (Long id : caregiverIds) {
            int n = ordersOn(id, day);
            if (n != 0) {
                result.put(id, n);
            }
        }
        return result;
    }
}
