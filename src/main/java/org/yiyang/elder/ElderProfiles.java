package org.yiyang.elder;

import java.util.List;
import java.util.Optional;
import org.yiyang.shared.DataScope;

/**
 * Reads {@link ElderProfile}s for modules that evaluate every elder in bulk (eligibility) or need an
 * elder's categories without opening the record. Scoped in SQL like the registry: an elder outside
 * the scope is absent.
 */
public interface ElderProfiles {

    /** Up to {@code limit} profiles of the elders in the scope whose id is above {@code afterId}, by id (keyset pages). */
    List<ElderProfile> page(DataScope scope, long afterId, int limit);

    /** One elder's profile, empty when absent or outside the scope. */
    Optional<ElderProfile> find(DataScope scope, long id);
}
