package org.yiyang.coverage.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.coverage.CandidateImport;
import org.yiyang.coverage.CandidateSite;
import org.yiyang.coverage.CandidateSites;
import org.yiyang.coverage.ListedSite;
import org.yiyang.coverage.ListedSiteDraft;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.Authorities;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.FieldViolation;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.NotFoundException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.RuleViolationException;
import org.yiyang.shared.ScopedPrincipal;
import org.yiyang.shared.Violations;

/** The bureau's candidate sites: checked like a form, stored and read within the caller's region only. */
@Service
class CandidateSiteService implements CandidateSites {

    static final int NAME_MAX = 100;
    static final int ADDRESS_MAX = 200;
    static final int NOTE_MAX = 500;
    static final int CAPACITY_MAX = 100_000;
    static final BigDecimal AREA_MAX = new BigDecimal("1000000");
    /** A site further than this from its region's centre is a typing mistake (often latitude and longitude swapped). */
    static final double FAR_FROM_REGION_M = 100_000;

    private final CandidateSiteRepository sites;
    private final RegionDirectory regions;

    CandidateSiteService(CandidateSiteRepository sites, RegionDirectory regions) {
        this.sites = sites;
        this.regions = regions;
    }

    @Override
    public boolean mayEdit() {
        return CurrentUser.hasAuthority(Authorities.SITE_PLANNING) && CurrentUser.scope() instanceof DataScope.Region;
    }

    static void requireEditor() {
        if (!CurrentUser.hasAuthority(Authorities.SITE_PLANNING) || !(CurrentUser.scope() instanceof DataScope.Region)) {
            throw new AccessDeniedException("site planning is for the bureau");
        }
    }

    static String username() {
        return CurrentUser.principal().map(ScopedPrincipal::username).orElse("system");
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<ListedSite> search(DataScope scope, String q, String region, PageQuery page) {
        String prefix = regionFilter(region);
        List<CandidateSiteRepository.Row> rows = sites.search(scope, q, prefix, page.size(), page.offset());
        long total = sites.count(scope, q, prefix);
        return new PageResult<>(rows.stream().map(this::view).toList(), page.page(), page.size(), total);
    }

    /** A region code (or its leading digits) to filter by, or null for none; anything else is a field error. */
    static String regionFilter(String region) {
        if (region == null || region.isBlank()) return null;
        String r = region.trim();
        if (RegionCode.isWellFormed(r)) return RegionCode.of(r).prefix();
        if (r.matches("\\d{2,12}")) return r;
        throw InputRejectedException.of("region", "region.code.invalid", r);
    }

    @Override
    @Transactional(readOnly = true)
    public ListedSite get(DataScope scope, long id) {
        return sites.find(scope, id).map(this::view).orElseThrow(() -> new NotFoundException("coverage.site.not-found", id));
    }

    @Override
    @Transactional
    public long create(DataScope scope, ListedSiteDraft draft) {
        requireEditor();
        Violations v = new Violations();
        CandidateSiteRepository.Fields f = check(scope, draft, v);
        v.throwIfAny();
        return sites.insert(f, username());
    }

    @Override
    @Transactional
    public void update(DataScope scope, long id, ListedSiteDraft draft) {
        requireEditor();
        sites.find(scope, id).orElseThrow(() -> new NotFoundException("coverage.site.not-found", id));
        Violations v = new Violations();
        CandidateSiteRepository.Fields f = check(scope, draft, v);
        v.throwIfAny();
        if (sites.update(scope, id, f, draft.version()) == 0) {
            throw RuleViolationException.conflict("coverage.site.stale");
        }
    }

    @Override
    @Transactional
    public void delete(DataScope scope, long id) {
        requireEditor();
        if (sites.delete(scope, id) == 0) {
            throw new NotFoundException("coverage.site.not-found", id);
        }
    }

    @Override
    @Transactional
    public CandidateImport importCsv(DataScope scope, byte[] content) {
        requireEditor();
        List<CandidateCsv.Line> lines;
        try {
            lines = CandidateCsv.lines(CandidateCsv.decode(content == null ? new byte[0] : content));
        } catch (CandidateCsv.Unterminated e) {
            return new CandidateImport(0, 0, List.of(problem(e.line, "line", "coverage.import.quote")));
        }
        if (lines.isEmpty()) {
            return new CandidateImport(0, 0, List.of(problem(0, "line", "coverage.import.empty")));
        }
        if (lines.size() > MAX_IMPORT_LINES) {
            return new CandidateImport(lines.size(), 0,
                    List.of(problem(0, "line", "coverage.import.too-many", String.valueOf(MAX_IMPORT_LINES))));
        }
        List<CandidateImport.LineProblem> problems = new ArrayList<>();
        List<CandidateSiteRepository.Fields> checked = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CandidateCsv.Line line : lines) {
            List<String> cells = line.fields();
            if (cells.size() < 5 || cells.size() > 6) {
                problems.add(problem(line.number(), "line", "coverage.import.fields", String.valueOf(cells.size())));
                continue;
            }
            ListedSiteDraft draft = new ListedSiteDraft(cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4),
                    cells.size() > 5 ? cells.get(5) : null, null, null, null);
            Violations v = new Violations();
            CandidateSiteRepository.Fields f = check(scope, draft, v);
            for (FieldViolation fv : v.list()) {
                problems.add(new CandidateImport.LineProblem(line.number(), column(fv.field()), fv.code(),
                        java.util.Arrays.stream(fv.args()).map(String::valueOf).toList()));
            }
            if (f != null && v.isEmpty()) {
                String key = f.regionCode() + "|" + f.name().strip() + "|" + f.address().strip();
                Integer first = seen.putIfAbsent(key, line.number());
                if (first != null) {
                    problems.add(problem(line.number(), "line", "coverage.import.duplicate", String.valueOf(first)));
                } else {
                    checked.add(f);
                }
            }
        }
        if (!problems.isEmpty()) {
            return new CandidateImport(lines.size(), 0, problems);
        }
        sites.insertAll(checked, username());
        return new CandidateImport(lines.size(), checked.size(), List.of());
    }

    private static String column(String field) {
        return switch (field) {
            case "regionCode" -> "region";
            case "location" -> "lat";
            default -> field;
        };
    }

    private static CandidateImport.LineProblem problem(int line, String column, String code, String... args) {
        return new CandidateImport.LineProblem(line, column, code, List.of(args));
    }

    /** The sites of a region as candidates for a plan ({@code site:<id>}), at most {@code limit}. */
    List<CandidateSiteRepository.Row> inRegion(DataScope scope, String regionPrefix, int limit) {
        return sites.inRegion(scope, regionPrefix, limit);
    }

    static CandidateSite candidate(CandidateSiteRepository.Row row) {
        return new CandidateSite("site:" + row.id(), row.name(), row.location());
    }

    /** Checks a draft as one form: every field error at once; null when the fields could not be made. */
    CandidateSiteRepository.Fields check(DataScope scope, ListedSiteDraft d, Violations v) {
        String name = text(v, "name", d.name(), NAME_MAX, true);
        String address = text(v, "address", d.address(), ADDRESS_MAX, true);
        String note = text(v, "note", d.note(), NOTE_MAX, false);
        Region region = null;
        if (v.require("regionCode", d.regionCode())) {
            String code = d.regionCode().trim();
            if (!RegionCode.isWellFormed(code)) {
                v.add("regionCode", "region.code.invalid", code);
            } else {
                Optional<Region> found = scope.covers(RegionCode.of(code)) ? regions.find(RegionCode.of(code)) : Optional.empty();
                if (found.isEmpty()) {
                    v.add("regionCode", "region.not-found", code);
                } else {
                    region = found.get();
                }
            }
        }
        Double lat = number(v, "lat", d.lat());
        Double lng = number(v, "lng", d.lng());
        GeoPoint location = null;
        if (lat != null && lng != null) {
            location = v.parse("location", () -> new GeoPoint(lat, lng));
            if (location != null && region != null && region.centroid() != null) {
                double km = location.distanceMeters(region.centroid());
                if (km > FAR_FROM_REGION_M) {
                    v.add("location", "coverage.site.location.far", Math.round(km / 1000));
                    location = null;
                }
            }
        }
        Integer capacity = null;
        if (d.capacity() != null && !d.capacity().isBlank()) {
            try {
                int c = Integer.parseInt(d.capacity().trim());
                if (c < 1 || c > CAPACITY_MAX) {
                    v.add("capacity", "coverage.site.capacity.invalid", CAPACITY_MAX);
                } else {
                    capacity = c;
                }
            } catch (NumberFormatException e) {
                v.add("capacity", "coverage.site.capacity.invalid", CAPACITY_MAX);
            }
        }
        BigDecimal area = null;
        if (d.floorAreaM2() != null && !d.floorAreaM2().isBlank()) {
            try {
                BigDecimal a = new BigDecimal(d.floorAreaM2().trim());
                if (a.signum() <= 0 || a.compareTo(AREA_MAX) > 0 || a.stripTrailingZeros().scale() > 1) {
                    v.add("floorAreaM2", "coverage.site.area.invalid");
                } else {
                    area = a.setScale(1, java.math.RoundingMode.UNNECESSARY);
                }
            } catch (NumberFormatException | ArithmeticException e) {
                v.add("floorAreaM2", "coverage.site.area.invalid");
            }
        }
        if (name == null || address == null || region == null || location == null || !v.isEmpty()) {
            return null;
        }
        return new CandidateSiteRepository.Fields(region.code().value(), name, address, location, note, capacity, area);
    }

    private static String text(Violations v, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) v.add(field, "field.required");
            return null;
        }
        String t = value.strip();
        if (t.codePointCount(0, t.length()) > max) {
            v.add(field, "field.too-long", max);
            return null;
        }
        if (!Texts.printable(t, field.equals("note"))) {
            v.add(field, "coverage.site.text.invalid");
            return null;
        }
        return t;
    }

    private static Double number(Violations v, String field, String value) {
        if (!v.require(field, value)) return null;
        try {
            double d = Double.parseDouble(value.trim());
            if (!Double.isFinite(d)) {
                v.add(field, "field.invalid-number");
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            v.add(field, "field.invalid-number");
            return null;
        }
    }

    ListedSite view(CandidateSiteRepository.Row r) {
        String regionName = regions.find(RegionCode.of(r.regionCode())).map(Region::name).orElse(r.regionCode());
        return new ListedSite(r.id(), r.name(), r.address(), r.location(), r.regionCode(), regionName, r.note(), r.capacity(),
                r.floorAreaM2(), r.version(), r.updatedAt());
    }
}
