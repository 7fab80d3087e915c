package org.yiyang.elder;

import java.time.LocalDate;
import java.util.List;

/**
 * The facts about an elder that rules elsewhere decide on (eligibility for benefits, survey
 * breakdowns): where the elder lives, the birth date, the categories and the status. No name and
 * no numbers, so reading it is not a view of personal data.
 */
public record ElderProfile(long id, String regionCode, LocalDate birthDate, List<ElderCategory> categories, ElderStatus status) {

    public ElderProfile {
        categories = List.copyOf(categories);
    }
}
