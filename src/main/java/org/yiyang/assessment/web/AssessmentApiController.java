package org.yiyang.assessment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.assessment.AssessmentAnswers;
import org.yiyang.assessment.AssessmentInput;
import org.yiyang.assessment.Assessments;
import org.yiyang.assessment.CoSigner;
import org.yiyang.assessment.LegacyInput;
import org.yiyang.assessment.ReassessmentInterval;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;
import org.yiyang.shared.Violations;

/**
 * Ability assessments over JSON (GB/T 42195-2022). Reads are scoped to the caller's region (another
 * area's elder or assessment is 404); writing needs the assessor role (403 otherwise); bad input is
 * 400 with field errors and nothing is saved; changing a completed assessment is 409.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Assessments", description = "Ability assessment per GB/T 42195-2022: score, drafts, signatures, levels, reassessment")
class AssessmentApiController {

    private final Assessments assessments;
    private final AssessmentJson json;

    AssessmentApiController(Assessments assessments, AssessmentJson json) {
        this.assessments = assessments;
        this.json = json;
    }

    /** The body of {@code complete}: the second assessor's credentials (optional when enough have signed). */
    record CompleteRequest(CoSigner coSigner) {
    }

    record ChangeReport(String note) {
    }

    record IntervalRequest(String regionPrefix, Integer months) {
    }

    @PostMapping("/assessments/score")
    @Operation(summary = "Score answers without saving anything: dimension scores, total, preliminary level, change rules, "
            + "final level (INCOMPLETE with the missing items when not every item is answered)")
    AssessmentJson.Score score(@RequestBody AssessmentAnswers answers) {
        return json.score(assessments.score(answers));
    }

    @GetMapping("/assessments/form")
    @Operation(summary = "The GB/T 42195-2022 form: items with their options and scores, risk events")
    AssessmentJson.Form form() {
        return json.form();
    }

    @GetMapping("/assessments/rules")
    @Operation(summary = "The rule version in force today (upgrade stacking, event counting, assessors required)")
    AssessmentJson.Rules rules() {
        return json.rules(assessments.currentRules());
    }

    @GetMapping("/elders/{elderId:\\d{1,18}}/assessments")
    @Operation(summary = "An elder's assessments, drafts first, then newest first")
    PageResult<AssessmentJson.Summary> history(@PathVariable long elderId, @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        Violations v = new Violations();
        PageQuery pq = v.parse("page", () -> PageQuery.of(page, size));
        v.throwIfAny();
        return assessments.history(elderId, pq).map(json::summary);
    }

    @PostMapping("/elders/{elderId:\\d{1,18}}/assessments")
    @Operation(summary = "Start an assessment: a draft (may be incomplete), or with complete=true signed by the caller and "
            + "coSigner and submitted at once. 201 with Location. Accepts Idempotency-Key")
    ResponseEntity<AssessmentJson.Full> create(@PathVariable long elderId, @RequestBody AssessmentInput input) {
        long id = assessments.create(elderId, input);
        return ResponseEntity.created(URI.create("/api/v1/assessments/" + id)).body(json.full(assessments.get(id)));
    }

    @GetMapping("/assessments/{id:\\d{1,18}}")
    @Operation(summary = "An assessment with its answers, result (Annex C), signatures; MZ/T 039 records with their old result")
    AssessmentJson.Full get(@PathVariable long id) {
        return json.full(assessments.get(id));
    }

    @PutMapping("/assessments/{id:\\d{1,18}}")
    @Operation(summary = "Save a draft (replaces its content; changed content clears signatures). 409 when completed")
    AssessmentJson.Full save(@PathVariable long id, @RequestBody AssessmentInput input) {
        return json.full(assessments.saveDraft(id, input));
    }

    @PostMapping("/assessments/{id:\\d{1,18}}/sign")
    @Operation(summary = "Sign the draft as it is, as the calling assessor")
    AssessmentJson.Full sign(@PathVariable long id) {
        return json.full(assessments.sign(id));
    }

    @PostMapping("/assessments/{id:\\d{1,18}}/complete")
    @Operation(summary = "Sign and submit: needs every item answered, a day not in the future and the required number of "
            + "distinct assessors (earlier signers, the caller, coSigner). Publishes AssessmentCompleted")
    AssessmentJson.Full complete(@PathVariable long id, @RequestBody(required = false) CompleteRequest body) {
        return json.full(assessments.complete(id, null, body == null ? null : body.coSigner()));
    }

    @DeleteMapping("/assessments/{id:\\d{1,18}}")
    @Operation(summary = "Throw a draft away (completed assessments are kept: 409)")
    ResponseEntity<Void> discard(@PathVariable long id) {
        assessments.discard(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/elders/{elderId:\\d{1,18}}/assessments/legacy")
    @Operation(summary = "Record an old MZ/T 039-2013 result (read-only afterwards)")
    ResponseEntity<AssessmentJson.Full> legacy(@PathVariable long elderId, @RequestBody LegacyInput input) {
        long id = assessments.recordLegacy(elderId, input);
        return ResponseEntity.created(URI.create("/api/v1/assessments/" + id)).body(json.full(assessments.get(id)));
    }

    @PostMapping("/elders/{elderId:\\d{1,18}}/assessments/change-report")
    @Operation(summary = "Report a change in the elder's condition: the reassessment is due at once")
    ResponseEntity<Void> reportChange(@PathVariable long elderId, @RequestBody(required = false) ChangeReport body) {
        assessments.reportChange(elderId, body == null ? null : body.note());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/assessments/due")
    @Operation(summary = "Elders whose reassessment is due within `within` days (default 30), overdue, or due at once after a reported change")
    PageResult<AssessmentJson.Due> due(@Parameter(description = "Region prefix (digits)") @RequestParam(required = false) String region,
                                       @RequestParam(required = false) Integer within, @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        Violations v = new Violations();
        PageQuery pq = v.parse("page", () -> PageQuery.of(page, size));
        v.throwIfAny();
        return assessments.due(region, within == null ? 30 : within, pq).map(json::due);
    }

    @GetMapping("/assessments/levels")
    @Operation(summary = "Elders by current level per child region of `region` (default: the caller's region)")
    AssessmentJson.Counts levels(@RequestParam(required = false) String region) {
        return json.counts(assessments.levelCounts(region));
    }

    @GetMapping("/assessments/intervals")
    @Operation(summary = "Reassessment intervals per region prefix that can apply in the caller's region (longest prefix wins)")
    List<ReassessmentInterval> intervals() {
        return assessments.intervals();
    }

    @PutMapping("/assessments/intervals")
    @Operation(summary = "Set (months 1–60) or remove (months null) the interval of a region prefix within the caller's region")
    List<ReassessmentInterval> setInterval(@RequestBody(required = false) IntervalRequest body) {
        if (body == null) {
            throw InputRejectedException.of("regionPrefix", "field.required");
        }
        assessments.setInterval(body.regionPrefix(), body.months());
        return assessments.intervals();
    }
}
