package org.yiyang.elder;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.yiyang.shared.DataScope;

/**
 * Elders as points on the map, for platform services that hold a whole city in memory (coverage
 * of the service circles). {@link #forEachActive} and {@link #findActive} carry no personal data
 * (no names or numbers) and are not limited to a caller's scope, like the caregiver directory
 * for dispatch; {@link #summaries} lists people and is scoped in SQL like every other read.
 */
public interface ElderLocations {

    /** Every ACTIVE elder with the location of the primary address, in id order, streamed. */
    void forEachActive(Consumer<LocatedElder> consumer);

    /** Those of these elders that are ACTIVE now (others, and unknown ids, are left out). */
    List<LocatedElder> findActive(Collection<Long> ids);

    /** The summaries (numbers masked) of those of these elders the scope may see, in the order of the ids. */
    List<ElderSummary> summaries(DataScope scope, List<Long> ids);
}
