package org.yiyang.subsidy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** Every benefit's result for one elder, with the ability level the rules saw (null: never assessed). */
public record ElderEligibility(long elderId, String regionCode,
                               @Schema(description = "Ability level code 0–4 of the latest completed assessment") Integer abilityLevel,
                               LocalDate assessedOn, List<BenefitEligibility> benefits) {

    public ElderEligibility {
        benefits = List.copyOf(benefits);
    }
}
