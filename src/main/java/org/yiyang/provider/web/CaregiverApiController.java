package org.yiyang.provider.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.provider.CaregiverStatus;
import org.yiyang.provider.internal.CaregiverSearch;
import org.yiyang.provider.internal.CaregiverService;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.Violations;

@RestController
@RequestMapping("/api/v1/caregivers")
@Tag(name = "Caregivers", description = "护理员: skills, certificates, home bases and working hours, scoped to the caller")
class CaregiverApiController {

    private final CaregiverService caregivers;

    CaregiverApiController(CaregiverService caregivers) {
        this.caregivers = caregivers;
    }

    @GetMapping
    @Operation(summary = "Search caregivers in the caller's scope",
            description = "q matches a name or a phone number; region is a 12-digit region code (its subtree); "
                    + "certificateExpiringBefore (yyyy-MM-dd) lists certificates ending before that day; "
                    + "status is ACTIVE, ON_LEAVE or LEFT")
    PageResult<CaregiverJson> search(@RequestParam(required = false) String q,
                                     @RequestParam(required = false) Long provider,
                                     @RequestParam(required = false) String skill,
                                     @RequestParam(required = false) String region,
                                     @RequestParam(required = false) String certificateExpiringBefore,
                                     @RequestParam(required = false) String status,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        Violations v = new Violations();
        CaregiverSkill s = null;
        if (skill != null && !skill.isBlank()) {
            s = CaregiverSkill.find(skill).orElse(null);
            if (s == null) v.add("skill", "caregiver.skill-invalid", skill);
        }
        String prefix = null;
        if (region != null && !region.isBlank()) {
            RegionCode code = v.parse("region", () -> RegionCode.of(region));
            prefix = code == null ? null : code.prefix();
        }
        LocalDate before = null;
        if (certificateExpiringBefore != null && !certificateExpiringBefore.isBlank()) {
            try {
                before = LocalDate.parse(certificateExpiringBefore.strip());
            } catch (DateTimeParseException e) {
                v.add("certificateExpiringBefore", "caregiver.date-invalid", certificateExpiringBefore);
            }
        }
        CaregiverStatus st = null;
        if (status != null && !status.isBlank()) {
            try {
                st = CaregiverStatus.valueOf(status.strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                v.add("status", "caregiver.status-invalid", status);
            }
        }
        PageQuery paging = v.parse("page", () -> PageQuery.of(page, size));
        v.throwIfAny();
        LocalDate today = caregivers.today();
        return caregivers.search(new CaregiverSearch(q, provider, s, prefix, null, before, st), paging)
                .map(c -> CaregiverJson.of(c, today, false));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One caregiver; 404 when absent or outside the caller's scope")
    CaregiverJson get(@PathVariable long id) {
        return CaregiverJson.of(caregivers.get(id), caregivers.today(), CaregiverAccess.mayViewWholePhone());
    }

    @PostMapping
    @Operation(summary = "Register a caregiver (PROVIDER_EDIT; a provider manager for their own provider, a bureau within its region)")
    ResponseEntity<CaregiverJson> create(@RequestBody CaregiverRequest body) {
        long id = caregivers.create(body.toInput());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).body(get(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a caregiver's data (PROVIDER_EDIT, within scope)")
    CaregiverJson update(@PathVariable long id, @RequestBody CaregiverRequest body) {
        caregivers.update(id, body.toInput(), body.version());
        return get(id);
    }
}
