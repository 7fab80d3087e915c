/**
 * Ability assessment (老年人能力评估) per GB/T 42195-2022: the Annex B form (26 items), Annex A risk
 * events, diagnoses and coma, scoring to a total of 0–90, the preliminary level and the change
 * rules of Annex C giving the final {@link org.yiyang.assessment.AbilityLevel}; reassessment due
 * dates. Publishes {@link org.yiyang.assessment.AssessmentCompleted}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ability assessment", allowedDependencies = {"shared", "region", "identity", "elder"})
package org.yiyang.assessment;
