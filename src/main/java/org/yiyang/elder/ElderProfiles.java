package org.yiyang.elder;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.yiyang.shared.DataScope;

/**
 * Reads {@link ElderProfile}s for modules that evaluate every elder in bulk (eligibility) or need an
 * elder's categories without opening the record ({@link ElderLocations} serves map-based modules
 * with active elders only; this one includes every status and is scoped). Scoped in SQL like the registry: an elder outside
 * the scope is absent.
 */
public interface ElderProfiles {

    /** Up to {@code limit} profiles of the elders in the scope whose id is above {@code afterId}, by id (keyset pages). */
    List<ElderProfile> page(DataScope scope, long afterId, int limit);

    /** One elder's profile, empty when absent or outside the scope. */
    Optional<ElderProfile> find(DataScope scope, long id);

    /** The profiles of those of these elders that exist and lie in the scope, by id (e.g. after {@link EldersChanged}). */
    List<ElderProfile> findAll(DataScope scope, Collection<Long> ids);
}
