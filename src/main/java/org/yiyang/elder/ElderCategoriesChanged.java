package org.yiyang.elder;

import java.util.List;

/**
 * Module event: an elder's categories (独居, 经济困难, …) were set on registration or changed by an
 * update. Published inside the registry's transaction, delivered after commit, so modules that
 * decide on categories (eligibility for benefits) can decide again.
 *
 * @param elderId    the elder
 * @param regionCode the elder's community code (12 digits) after the change
 * @param before     the categories before (empty for a new elder)
 * @param after      the categories now
 */
public record ElderCategoriesChanged(long elderId, String regionCode, List<ElderCategory> before, List<ElderCategory> after) {

    public ElderCategoriesChanged {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }
}
