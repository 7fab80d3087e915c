package org.yiyang.elder;

import java.time.LocalDate;
import java.util.Set;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.RegionCode;

/**
 * Where an active elder lives and what makes the elder count more in planning: the community of the
 * primary address and its location, the recorded categories, the living situation and the birth
 * date (高龄 follows from it). No name, no numbers.
 */
public record LocatedElder(long id, RegionCode community, GeoPoint location, Set<ElderCategory> categories,
                           LivingSituation livingSituation, LocalDate birthDate) {

    public LocatedElder {
        categories = Set.copyOf(categories);
    }

    /** 独居: recorded as a category or as the living situation. */
    public boolean livesAlone() {
        return categories.contains(ElderCategory.LIVING_ALONE) || livingSituation == LivingSituation.ALONE;
    }

    /** 失能 or 重残. */
    public boolean disabled() {
        return categories.contains(ElderCategory.DISABLED) || categories.contains(ElderCategory.SEVERE_DISABILITY);
    }

    public boolean advancedAgeOn(LocalDate day) {
        return ElderAge.on(birthDate, day).isAdvanced();
    }
}
