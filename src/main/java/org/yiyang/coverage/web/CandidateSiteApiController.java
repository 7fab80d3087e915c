package org.yiyang.coverage.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
import org.yiyang.coverage.CandidateImport;
import org.yiyang.coverage.CandidateSites;
import org.yiyang.coverage.ListedSite;
import org.yiyang.coverage.ListedSiteDraft;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.FieldViolation;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;
import org.yiyang.shared.RuleViolationException;

/**
 * The candidate sites a bureau lists for new facilities (候选选址), scoped to the caller's region;
 * writes need SITE_PLANNING (bureau supervisors).
 */
@RestController
@RequestMapping("/api/v1/coverage/candidate-sites")
@Tag(name = "Site planning", description = "Candidate sites (候选选址) and saved site plans (规划方案): compare, export")
class CandidateSiteApiController {

    private final CandidateSites sites;

    CandidateSiteApiController(CandidateSites sites) {
        this.sites = sites;
    }

    @Schema(name = "CandidateSiteLocation")
    record Location(Double lat, Double lng) {
    }

    @Schema(name = "CandidateSiteInput")
    record SiteRequest(String name, String address, Location location,
                       @Schema(description = "12-digit code of the community (or town) the building is in") String regionCode,
                       String note, @Schema(description = "Places the building could offer") Integer capacity,
                       BigDecimal floorAreaM2, @Schema(description = "On update: the version the change was made on") Integer version) {

        ListedSiteDraft draft() {
            return new ListedSiteDraft(name, address, location == null || location.lat() == null ? null : location.lat().toString(),
                    location == null || location.lng() == null ? null : location.lng().toString(), regionCode, note,
                    capacity == null ? null : capacity.toString(), floorAreaM2 == null ? null : floorAreaM2.toPlainString(), version);
        }
    }

    @GetMapping
    @Operation(summary = "Candidate sites in the caller's region, by region code and name")
    PageResult<ListedSite> list(@Parameter(description = "Part of the name or address") @RequestParam(required = false) String q,
                                @Parameter(description = "A region code within the caller's") @RequestParam(required = false) String region,
                                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return sites.search(CurrentUser.scope(), q, region, PageQuery.of(page, size));
    }

    @PostMapping
    @Operation(summary = "List a candidate site (SITE_PLANNING); 201 with Location")
    ResponseEntity<ListedSite> create(@RequestBody SiteRequest request) {
        long id = sites.create(CurrentUser.scope(), request.draft());
        return ResponseEntity.created(URI.create("/api/v1/coverage/candidate-sites/" + id)).body(sites.get(CurrentUser.scope(), id));
    }

    @GetMapping("/{id:\\d{1,18}}")
    @Operation(summary = "A candidate site")
    ListedSite get(@PathVariable long id) {
        return sites.get(CurrentUser.scope(), id);
    }

    @PutMapping("/{id:\\d{1,18}}")
    @Operation(summary = "Change a candidate site (SITE_PLANNING); 409 coverage.site.stale when the version is not the current one")
    ListedSite update(@PathVariable long id, @RequestBody SiteRequest request) {
        sites.update(CurrentUser.scope(), id, request.draft());
        return sites.get(CurrentUser.scope(), id);
    }

    @DeleteMapping("/{id:\\d{1,18}}")
    @Operation(summary = "Remove a candidate site (SITE_PLANNING); saved plans keep their copy of it")
    ResponseEntity<Void> delete(@PathVariable long id) {
        sites.delete(CurrentUser.scope(), id);
        return ResponseEntity.noContent().build();
    }

    /** The largest CSV body read (an upload's size is limited before it reaches here). */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    @PostMapping("/import")
    @Operation(summary = "Import CSV lines name,address,lat,lng,region[,note] — a multipart upload (part \"file\") or the body "
            + "itself (text/csv): all stored (201), or none (400 with an error per bad line, field lines[N].column)")
    ResponseEntity<CandidateImport> importFile(@RequestPart(name = "file", required = false) MultipartFile file,
                                               HttpServletRequest request) throws IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("multipart/")) {
            if (file == null || file.isEmpty()) {
                throw InputRejectedException.of("file", "coverage.import.empty");
            }
            return imported(file.getBytes());
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new RuleViolationException("request.too-large", 413);
        }
        return imported(body);
    }

    private ResponseEntity<CandidateImport> imported(byte[] content) {
        CandidateImport result = sites.importCsv(CurrentUser.scope(), content);
        if (result.rejected()) {
            List<FieldViolation> errors = result.problems().stream()
                    .map(p -> new FieldViolation(p.line() == 0 ? "file" : "lines[" + p.line() + "]." + p.column(), p.code(),
                            p.args().toArray()))
                    .toList();
            throw new InputRejectedException(errors);
        }
        return ResponseEntity.status(201).body(result);
    }
}
