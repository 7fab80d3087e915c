package org.yiyang.assessment;

/** How many months after an assessment the next is due, for a region prefix ('' = everywhere). */
public record ReassessmentInterval(String regionPrefix, int months, String updatedBy) {
}
