package org.yiyang.survey;

/** A questionnaire version's life: drafted (editable), published (frozen, answered), closed (results only). */
public enum SurveyStatus {
    DRAFT, PUBLISHED, CLOSED
}
