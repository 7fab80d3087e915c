package org.yiyang.assessment;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;

/**
 * Ability assessments (GB/T 42195-2022). Every read and write is limited in SQL to the caller's
 * data scope; an elder or assessment outside it is 404 exactly like an absent one. Writing needs
 * {@code Authorities.ASSESS}; bad input is an {@link org.yiyang.shared.InputRejectedException} with
 * every field error, and nothing is saved.
 */
public interface Assessments {

    /** Scores answers with the current rules without saving anything (the tablet's live score). */
    ScoreResult score(AssessmentAnswers answers);

    /** The rules that apply to an assessment made today. */
    RuleSettings currentRules();

    /** An elder's assessments, newest first (drafts first), with their levels. */
    PageResult<AssessmentSummary> history(long elderId, PageQuery page);

    /** The elder's assessments in full, newest first (at most {@code limit}), for the side-by-side history. */
    List<AssessmentView> timeline(long elderId, int limit);

    AssessmentView get(long id);

    /**
     * Starts an assessment of the elder: a draft (answers may be incomplete, never invalid), or, with
     * {@link AssessmentInput#completeNow()}, a completed one signed by the caller and the co-signer.
     * Returns the id.
     */
    long create(long elderId, AssessmentInput input);

    /** Replaces a draft's content; changed content clears its signatures. */
    AssessmentView saveDraft(long id, AssessmentInput input);

    /** The caller signs the draft as it is (one of the assessors). */
    AssessmentView sign(long id);

    /**
     * Signs and submits: optionally saves {@code input} first, then requires a complete answer set,
     * a day not in the future and the required number of distinct assessors (the earlier signers,
     * the caller and {@code coSigner}); stores the result and publishes {@link AssessmentCompleted}.
     */
    AssessmentView complete(long id, AssessmentInput input, CoSigner coSigner);

    /** Throws a draft away (a completed assessment is never deleted). */
    void discard(long id);

    /** Records an old MZ/T 039-2013 result (read-only afterwards). Returns the id. */
    long recordLegacy(long elderId, LegacyInput input);

    /** A change in the elder's condition was reported: the reassessment is due at once. */
    void reportChange(long elderId, String note);

    /** Elders whose reassessment is due within {@code withinDays}, overdue, or due at once. */
    PageResult<ReassessmentDue> due(String regionPrefix, int withinDays, PageQuery page);

    /** Elders by current level per child region of {@code regionCode} (null: the caller's region). */
    LevelCounts levelCounts(String regionCode);

    /** The reassessment intervals that can apply within the caller's region. */
    List<ReassessmentInterval> intervals();

    /** Sets the interval for a region prefix within the caller's region (bureau users). */
    void setInterval(String regionPrefix, Integer months);

    /** The elder's latest completed GB/T 42195 result, for other modules (not scoped: no personal data). */
    Optional<CurrentLevel> currentLevel(long elderId);

    /** The same for many elders at once; elders without a result are absent from the map. */
    Map<Long, CurrentLevel> currentLevels(Collection<Long> elderIds);
}
