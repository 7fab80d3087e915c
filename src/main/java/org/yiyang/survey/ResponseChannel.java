package org.yiyang.survey;

/** Who recorded a response: an operator for the elder (phone, visit), the family on the elder's page, or a system over the API. */
public enum ResponseChannel {
    OPERATOR, FAMILY, API
}
