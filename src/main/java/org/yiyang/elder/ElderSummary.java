package org.yiyang.elder;

import java.util.List;
import org.yiyang.shared.Sex;

/** One elder in a list: ID number and phones always masked. */
public record ElderSummary(long id, String name, Sex sex, int age, boolean advancedAge, String idNumberMasked,
                           List<String> phonesMasked, String regionCode, String communityName,
                           List<ElderCategory> categories, ElderStatus status) {
}
