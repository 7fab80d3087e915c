package org.yiyang.provider.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.provider.Facility;
import org.yiyang.provider.FacilityDraft;
import org.yiyang.provider.FacilityQuery;
import org.yiyang.provider.FacilityShortfall;
import org.yiyang.provider.FacilityStandard;
import org.yiyang.provider.FacilityStandards;
import org.yiyang.provider.FacilityStatus;
import org.yiyang.provider.FacilityType;
import org.yiyang.provider.ProviderDirectory;
import org.yiyang.provider.ProviderRegistration;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;

/** Facilities for other systems: search (with the below-standard filter), register, read, update. */
@RestController
@RequestMapping("/api/v1/facilities")
class FacilityApiController {

    private final ProviderDirectory directory;
    private final ProviderRegistration registration;
    private final FacilityStandards standards;
    private final ProviderViews views;

    FacilityApiController(ProviderDirectory directory, ProviderRegistration registration, FacilityStandards standards,
                          ProviderViews views) {
        this.directory = directory;
        this.registration = registration;
        this.standards = standards;
        this.views = views;
    }

    /** {@code {"lat": 35.76, "lng": 115.03}} as sent; checked when the draft is validated. */
    record Coordinates(Double lat, Double lng) {
    }

    record FacilityRequest(Long providerId, String name, String type, String regionCode, String address,
                           Coordinates location, BigDecimal floorAreaM2, Integer beds, String openingHours, String phone,
                           String status, Integer version) {
        FacilityDraft draft() {
            return new FacilityDraft(str(providerId), name, type, regionCode, address,
                    location == null ? null : str(location.lat()), location == null ? null : str(location.lng()),
                    floorAreaM2 == null ? null : floorAreaM2.toPlainString(), str(beds), openingHours, phone, status, version);
        }

        private static String str(Object o) {
            return o == null ? null : o.toString();
        }
    }

    record StandardJson(Long id, String regionPrefix, FacilityType type, BigDecimal minAreaM2, Integer minBeds, String source) {
        static StandardJson of(FacilityStandard s) {
            return s == null ? null : new StandardJson(s.id(), s.regionPrefix(), s.type(), s.minAreaM2(), s.minBeds(), s.source());
        }
    }

    record ShortfallJson(FacilityShortfall.Measure measure, BigDecimal actual, BigDecimal required, String message) {
    }

    record FacilityJson(long id, Long providerId, String providerName, String name, FacilityType type, String typeLabel,
                        String regionCode, String regionName, String address, GeoPoint location, BigDecimal floorAreaM2,
                        Integer beds, String openingHours, String phone, FacilityStatus status, int version,
                        boolean belowStandard, List<ShortfallJson> lacks, StandardJson standard) {
    }

    @GetMapping
    PageResult<FacilityJson> search(@RequestParam(required = false) String q,
                                    @RequestParam(required = false) String region,
                                    @RequestParam(required = false) String type,
                                    @RequestParam(required = false) String belowStandard,
                                    @RequestParam(required = false) Long providerId,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        FacilityQuery query = new FacilityQuery(q, region,
                ProviderApiController.parse(FacilityType.class, "type", type, "facility.type.invalid"),
                bool(belowStandard), providerId, PageQuery.of(page, size));
        return directory.facilities(query).map(this::json);
    }

    @PostMapping
    ResponseEntity<FacilityJson> create(@RequestBody FacilityRequest body) {
        long id = registration.registerFacility(body.draft());
        return ResponseEntity.created(URI.create("/api/v1/facilities/" + id)).body(json(directory.facility(id)));
    }

    @GetMapping("/{id}")
    FacilityJson read(@PathVariable long id) {
        return json(directory.facility(id));
    }

    @PutMapping("/{id}")
    FacilityJson update(@PathVariable long id, @RequestBody FacilityRequest body) {
        registration.updateFacility(id, body.draft());
        return json(directory.facility(id));
    }

    /** The size standards that can apply in the caller's region. */
    @GetMapping("/standards")
    List<StandardJson> standards() {
        return standards.visible().stream().map(StandardJson::of).toList();
    }

    private FacilityJson json(Facility f) {
        return new FacilityJson(f.id(), f.providerId(), f.providerName(), f.name(), f.type(), views.text(f.type().messageKey()),
                f.regionCode().value(), views.regionName(f.regionCode()), f.address(), f.location(), f.size().floorAreaM2(),
                f.size().beds(), f.openingHours(), f.phone(), f.status(), f.version(), f.belowStandard(),
                f.standard().shortfalls().stream()
                        .map(s -> new ShortfallJson(s.measure(), s.actual(), s.required(), views.shortfall(s))).toList(),
                StandardJson.of(f.standard().rule()));
    }

    static Boolean bool(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> throw InputRejectedException.of("belowStandard", "facility.below-standard.invalid", value);
        };
    }
}
