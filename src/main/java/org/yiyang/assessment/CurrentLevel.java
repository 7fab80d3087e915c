package org.yiyang.assessment;

import java.time.LocalDate;

/** An elder's latest completed GB/T 42195 result: what eligibility rules read. */
public record CurrentLevel(long elderId, long assessmentId, AbilityLevel finalLevel, LocalDate assessedOn) {
}
