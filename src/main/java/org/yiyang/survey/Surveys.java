package org.yiyang.survey;

import java.util.List;
import java.util.Optional;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;

/**
 * Needs questionnaires and their responses. A region scope sees the questionnaires of its region,
 * of the regions below it and above it (a county answers the city's questionnaire and sees its own
 * elders' part of the results); a family member sees the published ones that cover the elder.
 * Defining and publishing needs CATALOGUE_EDIT and a questionnaire region within the scope;
 * answering needs ELDER_EDIT (operators) or the family's own elder. Responses and results are
 * scoped by the elders' regions in SQL; an elder or questionnaire outside the scope is 404. Bad
 * input is an {@link org.yiyang.shared.InputRejectedException} with every field error and nothing
 * stored.
 */
public interface Surveys {

    PageResult<SurveySummary> list(DataScope scope, PageQuery page);

    Survey get(DataScope scope, long id);

    /** A new draft (it may have no questions yet; publishing needs at least one); returns its id. */
    long create(DataScope scope, SurveyInput input);

    /** Replaces a draft's title, description, region and questions ({@code survey.frozen} 409 once published). */
    void update(DataScope scope, long id, SurveyInput input);

    /** Publishes a draft (its questions are frozen from now on); earlier published versions of it close. */
    void publish(DataScope scope, long id);

    /** Closes a published questionnaire: no more responses, results stay. */
    void close(DataScope scope, long id);

    /** A new draft version copying a published or closed questionnaire; returns its id. */
    long newVersion(DataScope scope, long id);

    /** The published questionnaires an elder may answer (the elder's region lies within theirs). */
    List<SurveySummary> openFor(DataScope scope, long elderId);

    /** Records an elder's answers, replacing the elder's current response if there is one; returns the response id. */
    long respond(DataScope scope, long surveyId, ResponseInput input, ResponseChannel channel);

    /** The elder's current response ({@code elder.not-found} 404 outside the scope). */
    Optional<SurveyResponse> currentResponse(DataScope scope, long surveyId, long elderId);

    SurveyResponse response(DataScope scope, long surveyId, long responseId);

    /** Results filtered by region (12 digits; null = the scope's) and category (an ElderCategory name or ADVANCED_AGE; null = all). */
    SurveyResults results(DataScope scope, long surveyId, String region, String category);

    /** One choice or scale question per child region ({@code by = REGION}) or per category ({@code CATEGORY}), with the same filters. */
    SurveyBreakdown breakdown(DataScope scope, long surveyId, long questionId, String by, String region, String category);
}
