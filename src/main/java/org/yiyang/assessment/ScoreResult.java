package org.yiyang.assessment;

import java.util.List;

/**
 * The result of scoring (Annex C): the dimension scores (C.1), the total (C.2), the preliminary
 * level (C.3), the change rules that applied (C.4) and the final level (C.5). When an item is
 * missing the result is incomplete: {@code total} and the levels are null and
 * {@code missingItems} names the items still to answer.
 *
 * @param levelsRaised how many levels the diagnosis and risk-event rules raised the preliminary
 *                     level (after the cap at 4); 0 with coma, which sets level 4 directly
 */
public record ScoreResult(boolean complete, List<String> missingItems, List<DimensionScore> dimensions, Integer total,
                          AbilityLevel preliminaryLevel, List<ChangeRule> changeRules, int levelsRaised,
                          AbilityLevel finalLevel, RuleSettings rules) {

    public DimensionScore dimension(Dimension d) {
        return dimensions.stream().filter(s -> s.dimension() == d).findFirst().orElseThrow();
    }
}
