package org.yiyang.provider.web;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.provider.OrganisationDraft;
import org.yiyang.provider.ProviderDirectory;
import org.yiyang.provider.ProviderKind;
import org.yiyang.provider.ProviderOrganisation;
import org.yiyang.provider.ProviderQuery;
import org.yiyang.provider.ProviderRegistration;
import org.yiyang.provider.ProviderStatus;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;

/** Provider organisations for other systems: search, register, read, update — scoped to the caller. */
@RestController
@RequestMapping("/api/v1/providers")
class ProviderApiController {

    private final ProviderDirectory directory;
    private final ProviderRegistration registration;
    private final ProviderViews views;

    ProviderApiController(ProviderDirectory directory, ProviderRegistration registration, ProviderViews views) {
        this.directory = directory;
        this.registration = registration;
        this.views = views;
    }

    /** An organisation as the API shows it. */
    record OrganisationJson(long id, String name, String uscc, ProviderKind kind, String kindLabel, String regionCode,
                            String regionName, String address, String contactName, String contactPhone,
                            ProviderStatus status, int version, int facilityCount) {
    }

    /** A create or update body. {@code version} (optional on update) must match the stored one. */
    record OrganisationRequest(String name, String uscc, String kind, String regionCode, String address,
                               String contactName, String contactPhone, String status, Integer version) {
        OrganisationDraft draft() {
            return new OrganisationDraft(name, uscc, kind, regionCode, address, contactName, contactPhone, status, version);
        }
    }

    @GetMapping
    PageResult<OrganisationJson> search(@RequestParam(required = false) String q,
                                        @RequestParam(required = false) String region,
                                        @RequestParam(required = false) String kind,
                                        @RequestParam(required = false) String status,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        ProviderQuery query = new ProviderQuery(q, region, parse(ProviderKind.class, "kind", kind, "provider.kind.invalid"),
                parse(ProviderStatus.class, "status", status, "provider.status.invalid"), PageQuery.of(page, size));
        return directory.organisations(query).map(this::json);
    }

    @PostMapping
    ResponseEntity<OrganisationJson> create(@RequestBody OrganisationRequest body) {
        long id = registration.registerOrganisation(body.draft());
        return ResponseEntity.created(URI.create("/api/v1/providers/" + id)).body(json(directory.organisation(id)));
    }

    @GetMapping("/{id}")
    OrganisationJson read(@PathVariable long id) {
        return json(directory.organisation(id));
    }

    @PutMapping("/{id}")
    OrganisationJson update(@PathVariable long id, @RequestBody OrganisationRequest body) {
        registration.updateOrganisation(id, body.draft());
        return json(directory.organisation(id));
    }

    private OrganisationJson json(ProviderOrganisation o) {
        return new OrganisationJson(o.id(), o.name(), o.uscc().value(), o.kind(), views.text(o.kind().messageKey()),
                o.regionCode().value(), views.regionName(o.regionCode()), o.address(), o.contactName(), o.contactPhone(),
                o.status(), o.version(), o.facilityCount());
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value, String code) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InputRejectedException.of(field, code, value);
        }
    }
}
