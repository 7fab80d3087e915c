package org.yiyang.identity;

/** Records that the current user opened someone's personal data (who, when, which record). */
public interface PersonalDataAudit {

    /** {@code subjectKind} e.g. "elder"; {@code action} e.g. "view", "export". */
    void record(String subjectKind, long subjectId, String action);
}
