package org.yiyang.elder.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yiyang.elder.ElderInput;
import org.yiyang.elder.ElderQuery;
import org.yiyang.elder.ElderRecord;
import org.yiyang.elder.ElderRegistry;
import org.yiyang.elder.ElderSummary;
import org.yiyang.elder.ImportReport;
import org.yiyang.elder.StatusChange;
import org.yiyang.shared.Authorities;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;

/**
 * The elder registry over JSON. Reads are scoped to the caller (another area's elder is 404);
 * writes need ELDER_EDIT (403 otherwise). Opening a record writes the personal-data audit.
 */
@RestController
@RequestMapping("/api/v1/elders")
@Tag(name = "Elders", description = "The elder registry (老年人信息库): search, register, update, status, roster import")
class ElderApiController {

    private final ElderRegistry registry;
    private final MessageSource messages;

    ElderApiController(ElderRegistry registry, MessageSource messages) {
        this.registry = registry;
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "Search elders in the caller's area; ID numbers and phones masked")
    PageResult<ElderSummary> search(
            @Parameter(description = "Name (or part), phone (or its last 4+ digits) or ID number (18/15 digits)") @RequestParam(required = false) String q,
            @Parameter(description = "12-digit region code: search its subtree") @RequestParam(required = false) String region,
            @Parameter(description = "A category name, or ADVANCED_AGE for 80+") @RequestParam(required = false) String category,
            @Parameter(description = "ACTIVE, MOVED_OUT or DECEASED") @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return registry.search(CurrentUser.scope(), new ElderQuery(q, region, category, status), PageQuery.of(page, size));
    }

    @PostMapping
    @Operation(summary = "Register an elder (ELDER_EDIT); 201 with Location")
    ResponseEntity<ElderRecord> create(@RequestBody ElderInput input) {
        long id = registry.register(CurrentUser.scope(), input);
        return ResponseEntity.created(URI.create("/api/v1/elders/" + id)).body(visible(id));
    }

    @GetMapping("/{id:\\d{1,18}}")
    @Operation(summary = "An elder's full record (audited); whole numbers only with PII_VIEW")
    ElderRecord get(@PathVariable long id) {
        return registry.open(CurrentUser.scope(), id, CurrentUser.hasAuthority(Authorities.PII_VIEW));
    }

    @PutMapping("/{id:\\d{1,18}}")
    @Operation(summary = "Replace an elder's details (ELDER_EDIT); an empty idNumber keeps the stored one")
    ElderRecord update(@PathVariable long id, @RequestBody ElderInput input) {
        registry.update(CurrentUser.scope(), id, input);
        return visible(id);
    }

    @PostMapping("/{id:\\d{1,18}}/status")
    @Operation(summary = "Change the status (ACTIVE, MOVED_OUT, DECEASED); the history is kept (ELDER_EDIT)")
    ElderRecord changeStatus(@PathVariable long id, @RequestBody StatusChange change) {
        registry.changeStatus(CurrentUser.scope(), id, change);
        return visible(id);
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a roster (xlsx or csv, ≤10 MB, ≤50,000 rows); answers a per-row report (ELDER_EDIT)")
    ImportResponse importRoster(@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw InputRejectedException.of("file", "elder.import.empty");
        }
        ImportReport report = registry.importRoster(CurrentUser.scope(), file.getOriginalFilename(), file.getBytes());
        return ImportResponse.of(report, messages, LocaleContextHolder.getLocale());
    }

    /** The record after a write, numbers masked and no audit entry (GET the record to see it whole). */
    private ElderRecord visible(long id) {
        return registry.find(CurrentUser.scope(), id);
    }

    @Schema(name = "ElderImportReport", description = "What an import did, row by row (the header is row 1)")
    record ImportResponse(String fileName, int rows, int created, int alreadyRegistered, int rejected, List<Row> details) {

        @Schema(name = "ElderImportRow")
        record Row(int row, ImportReport.Outcome outcome, String name, Long elderId, List<Problem> problems) {
        }

        @Schema(name = "ElderImportProblem")
        record Problem(String column, String code, String message) {
        }

        static ImportResponse of(ImportReport r, MessageSource messages, Locale locale) {
            return new ImportResponse(r.fileName(), r.rows(), r.created(), r.alreadyRegistered(), r.rejected(),
                    r.details().stream().map(d -> new Row(d.rowNumber(), d.outcome(), d.name(), d.elderId(),
                            d.problems().stream().map(p -> new Problem(
                                    messages.getMessage("elder.import.column." + p.column(), null, p.column(), locale), p.code(),
                                    messages.getMessage(p.code(), p.args().toArray(), p.code(), locale))).toList())).toList());
        }
    }
}
