package org.yiyang.survey.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.NotFoundException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;
import org.yiyang.survey.ResponseChannel;
import org.yiyang.survey.ResponseInput;
import org.yiyang.survey.Survey;
import org.yiyang.survey.SurveyBreakdown;
import org.yiyang.survey.SurveyInput;
import org.yiyang.survey.SurveyResponse;
import org.yiyang.survey.SurveyResults;
import org.yiyang.survey.SurveySummary;
import org.yiyang.survey.Surveys;

/**
 * Needs questionnaires over JSON: define and publish (bureau, CATALOGUE_EDIT), answer for an elder
 * (operators with ELDER_EDIT, or the family for their elder; {@code Idempotency-Key} makes a retry
 * safe), and read the results by region and category. Another area's elder or questionnaire is 404.
 */
@RestController
@RequestMapping("/api/v1/surveys")
@Tag(name = "Needs survey", description = "老年人需求调查: questionnaires, responses per elder, results by region and elder category")
class SurveyApiController {

    private final Surveys surveys;

    SurveyApiController(Surveys surveys) {
        this.surveys = surveys;
    }

    @GetMapping
    @Operation(summary = "Questionnaires the caller sees (its region's, those above and below it)")
    PageResult<SurveySummary> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return surveys.list(CurrentUser.scope(), PageQuery.of(page, size));
    }

    @PostMapping
    @Operation(summary = "Create a draft questionnaire (CATALOGUE_EDIT); 201 with Location")
    ResponseEntity<Survey> create(@RequestBody SurveyInput input) {
        long id = surveys.create(CurrentUser.scope(), input);
        return ResponseEntity.created(URI.create("/api/v1/surveys/" + id)).body(surveys.get(CurrentUser.scope(), id));
    }

    @GetMapping("/{id:\\d{1,18}}")
    @Operation(summary = "A questionnaire with its questions and options (option ids are what answers name)")
    Survey get(@PathVariable long id) {
        return surveys.get(CurrentUser.scope(), id);
    }

    @PutMapping("/{id:\\d{1,18}}")
    @Operation(summary = "Replace a draft (409 survey.frozen once published: make a new version instead)")
    Survey update(@PathVariable long id, @RequestBody SurveyInput input) {
        surveys.update(CurrentUser.scope(), id, input);
        return surveys.get(CurrentUser.scope(), id);
    }

    @PostMapping("/{id:\\d{1,18}}/publish")
    @Operation(summary = "Publish a draft: its questions are frozen, earlier published versions close")
    Survey publish(@PathVariable long id) {
        surveys.publish(CurrentUser.scope(), id);
        return surveys.get(CurrentUser.scope(), id);
    }

    @PostMapping("/{id:\\d{1,18}}/close")
    @Operation(summary = "Close a published questionnaire: no more responses")
    Survey close(@PathVariable long id) {
        surveys.close(CurrentUser.scope(), id);
        return surveys.get(CurrentUser.scope(), id);
    }

    @PostMapping("/{id:\\d{1,18}}/versions")
    @Operation(summary = "A new draft version copying a published or closed questionnaire; 201 with Location")
    ResponseEntity<Survey> newVersion(@PathVariable long id) {
        long copy = surveys.newVersion(CurrentUser.scope(), id);
        return ResponseEntity.created(URI.create("/api/v1/surveys/" + copy)).body(surveys.get(CurrentUser.scope(), copy));
    }

    @PostMapping("/{id:\\d{1,18}}/responses")
    @Operation(summary = "Record an elder's answers; replaces the elder's current response (kept as history). Accepts Idempotency-Key")
    ResponseEntity<SurveyResponse> respond(@PathVariable long id, @RequestBody ResponseInput input) {
        long response = surveys.respond(CurrentUser.scope(), id, input, ResponseChannel.API);
        return ResponseEntity.created(URI.create("/api/v1/surveys/" + id + "/responses/" + response))
                .body(surveys.response(CurrentUser.scope(), id, response));
    }

    @GetMapping("/{id:\\d{1,18}}/responses")
    @Operation(summary = "An elder's current response (404 when the elder has not answered or is outside the caller's area)")
    SurveyResponse currentResponse(@PathVariable long id, @RequestParam long elderId) {
        return surveys.currentResponse(CurrentUser.scope(), id, elderId)
                .orElseThrow(() -> new NotFoundException("survey.response.not-found", elderId));
    }

    @GetMapping("/{id:\\d{1,18}}/responses/{responseId:\\d{1,18}}")
    @Operation(summary = "One response (also a replaced one)")
    SurveyResponse response(@PathVariable long id, @PathVariable long responseId) {
        return surveys.response(CurrentUser.scope(), id, responseId);
    }

    @GetMapping("/{id:\\d{1,18}}/results")
    @Operation(summary = "Counts and shares per option, a scale's mean, the latest texts; filtered by region and elder category")
    SurveyResults results(@PathVariable long id,
                          @Parameter(description = "12-digit region code within the caller's area; default the caller's region") @RequestParam(required = false) String region,
                          @Parameter(description = "An elder category (e.g. LIVING_ALONE) or ADVANCED_AGE") @RequestParam(required = false) String category) {
        return surveys.results(CurrentUser.scope(), id, region, category);
    }

    @GetMapping("/{id:\\d{1,18}}/results/breakdown")
    @Operation(summary = "One choice or scale question per child region (by=REGION) or per elder category (by=CATEGORY)")
    SurveyBreakdown breakdown(@PathVariable long id, @RequestParam long question, @RequestParam(required = false) String by,
                              @RequestParam(required = false) String region, @RequestParam(required = false) String category) {
        return surveys.breakdown(CurrentUser.scope(), id, question, by, region, category);
    }
}
