package org.yiyang.survey;

/** How a question is answered. Labels under {@code survey.kind.<NAME>}. */
public enum QuestionKind {
    /** One of the options. */
    SINGLE,
    /** Any number of the options (at least one when required). */
    MULTIPLE,
    /** A whole number from 1 (lowest) to 5 (highest). */
    SCALE,
    /** Free text, up to 1,000 characters. */
    TEXT;

    public boolean hasOptions() {
        return this == SINGLE || this == MULTIPLE;
    }
}
