package org.yiyang.elder.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.elder.ElderAge;
import org.yiyang.elder.ElderCategory;
import org.yiyang.elder.ElderInput;
import org.yiyang.elder.ElderQuery;
import org.yiyang.elder.ElderRecord;
import org.yiyang.elder.ElderRegistry;
import org.yiyang.elder.ElderStatus;
import org.yiyang.elder.ElderSummary;
import org.yiyang.elder.EldersChanged;
import org.yiyang.elder.ImportReport;
import org.yiyang.elder.LivingSituation;
import org.yiyang.elder.StatusChange;
import org.yiyang.identity.PersonalDataAudit;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.IdCardNumber;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.shared.NotFoundException;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;
import org.yiyang.shared.PhoneNumber;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.RuleViolationException;
import org.yiyang.shared.ScopedPrincipal;
import org.yiyang.shared.Sex;
import org.yiyang.shared.Violations;

@Service
class ElderRegistryService implements ElderRegistry {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ElderRepository elders;
    private final ElderInputChecks checks;
    private final IdNumberCipher cipher;
    private final RegionDirectory regions;
    private final PersonalDataAudit audit;
    private final RosterImport rosterImport;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ElderRegistryService(ElderRepository elders, ElderInputChecks checks, IdNumberCipher cipher, RegionDirectory regions,
                         PersonalDataAudit audit, RosterImport rosterImport, ObjectProvider<Clock> clock,
                         ApplicationEventPublisher events) {
        this.events = events;
        this.elders = elders;
        this.checks = checks;
        this.cipher = cipher;
        this.regions = regions;
        this.audit = audit;
        this.rosterImport = rosterImport;
        this.clock = clock.getIfAvailable(() -> Clock.system(CHINA));
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<ElderSummary> search(DataScope scope, ElderQuery query, PageQuery page) {
        ElderRepository.Filter filter = filter(query);
        if (filter == null) {
            return new PageResult<>(List.of(), page.page(), page.size(), 0);
        }
        List<ElderRepository.Row> rows = elders.search(scope, filter, page);
        long total = rows.size() < page.size() && (page.page() == 0 || !rows.isEmpty())
                ? page.offset() + rows.size() : elders.count(scope, filter);
        LocalDate today = today();
        Map<String, String> names = new HashMap<>();
        List<ElderSummary> items = rows.stream().map(r -> {
            ElderAge age = ElderAge.on(r.birthDate(), today);
            return new ElderSummary(r.id(), r.name(), sex(r.sex()), age.years(), age.isAdvanced(), r.idNumberMasked(),
                    r.phones().stream().map(p -> masked(p)).toList(), r.regionCode(),
                    names.computeIfAbsent(r.regionCode(), this::regionName), categories(r.categories()),
                    ElderStatus.valueOf(r.status()));
        }).toList();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** Classifies the query text (ID number, phone digits, or a name); null when nothing can match. */
    private ElderRepository.Filter filter(ElderQuery query) {
        Violations v = new Violations();
        String regionPrefix = null;
        String region = ElderInputChecks.trim(query.region());
        if (region != null) {
            if (RegionCode.isWellFormed(region)) {
                regionPrefix = RegionCode.of(region).prefix();
            } else {
                v.add("region", "region.code.invalid", region);
            }
        }
        String category = null;
        LocalDate bornBefore = null;
        String cat = ElderInputChecks.trim(query.category());
        if (cat != null) {
            if (ElderCategory.ADVANCED_AGE.equalsIgnoreCase(cat)) {
                bornBefore = ElderAge.bornOnOrBefore(ElderAge.ADVANCED_AGE, today());
            } else {
                category = ElderCategory.byName(cat).map(Enum::name).orElse(null);
                if (category == null) {
                    v.add("category", "elder.category.invalid", cat);
                }
            }
        }
        String status = null;
        String st = ElderInputChecks.trim(query.status());
        if (st != null) {
            status = ElderStatus.byName(st).map(Enum::name).orElse(null);
            if (status == null) {
                v.add("status", "elder.status.invalid", st);
            }
        }
        v.throwIfAny();

        String namePattern = null;
        String nameGram = null;
        String phoneTail = null;
        String phonePattern = null;
        byte[] idHash = null;
        String q = ElderInputChecks.trim(query.q());
        if (q != null) {
            String compact = q.replaceAll("[\\s\\-()]", "");
            if (compact.matches("\\d{17}[\\dXx]|\\d{15}")) {
                IdCardNumber id = ElderInputChecks.idNumberOrNull(compact);
                if (id == null) {
                    return null;
                }
                idHash = cipher.lookupHash(id.value());
            } else if (compact.matches("(\\+86|0086)?\\d{4,14}")) {
                String digits = compact.replaceFirst("^(\\+86|0086)", "");
                phoneTail = digits.substring(digits.length() - 4);
                phonePattern = "%" + digits;
            } else if (NameGrams.isShort(q)) {
                nameGram = q;
            } else {
                namePattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            }
        }
        return new ElderRepository.Filter(namePattern, nameGram, phoneTail, phonePattern, idHash, regionPrefix, category, bornBefore, status);
    }

    @Override
    @Transactional(readOnly = true)
    public ElderRecord open(DataScope scope, long id, boolean revealPersonalData) {
        ElderRecord record = load(scope, id, revealPersonalData);
        audit.record("elder", id, "view");
        return record;
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.List<org.yiyang.elder.CallerMatch> findByCaller(DataScope scope, String phone, int limit) {
        String number;
        try {
            number = org.yiyang.shared.PhoneNumber.parse(phone).value();
        } catch (org.yiyang.shared.InvalidValueException e) {
            return java.util.List.of();
        }
        return elders.byCaller(scope, number, Math.max(1, Math.min(limit, 50)));
    }

    @Override
    @Transactional(readOnly = true)
    public ElderRecord find(DataScope scope, long id) {
        return load(scope, id, false);
    }

    @Override
    @Transactional(readOnly = true)
    public ElderRecord findForService(DataScope scope, long id) {
        return load(scope, id, false, false);
    }

    private ElderRecord load(DataScope scope, long id, boolean reveal) {
        return load(scope, id, reveal, true);
    }

    private ElderRecord load(DataScope scope, long id, boolean reveal, boolean withContactsAndHistory) {
        ElderRepository.Row r = elders.find(scope, id).orElseThrow(() -> new NotFoundException("elder.not-found", id));
        LocalDate today = today();
        ElderAge age = ElderAge.on(r.birthDate(), today);
        Map<String, String> names = new HashMap<>();
        List<ElderRecord.Address> addresses = elders.addresses(id).stream()
                .map(a -> new ElderRecord.Address(a.regionCode(), names.computeIfAbsent(a.regionCode(), this::regionName),
                        a.address(), a.location(), a.primary()))
                .toList();
        List<ElderRecord.Contact> contacts = !withContactsAndHistory ? List.of() : elders.contacts(id).stream()
                .map(c -> new ElderRecord.Contact(c.name(), c.relation(), reveal ? c.phone() : masked(c.phone())))
                .toList();
        List<ElderRecord.StatusEntry> history = !withContactsAndHistory ? List.of() : elders.history(id).stream()
                .map(h -> new ElderRecord.StatusEntry(ElderStatus.valueOf(h.status()), h.reason(), h.effectiveDate(),
                        h.changedAt(), h.changedBy()))
                .toList();
        return new ElderRecord(r.id(), r.name(), sex(r.sex()), r.birthDate(), age.years(), age.isAdvanced(),
                reveal ? cipher.decrypt(r.idNumberEnc()) : null, r.idNumberMasked(),
                r.phones().stream().map(p -> reveal ? p : masked(p)).toList(),
                LivingSituation.valueOf(r.livingSituation()), categories(r.categories()), r.regionCode(), addresses,
                contacts, ElderStatus.valueOf(r.status()), r.statusSince(), history, reveal, r.version(),
                r.createdAt(), r.updatedAt());
    }

    @Override
    @Transactional
    @PreAuthorize("hasAuthority('ELDER_EDIT')")
    public long register(DataScope scope, ElderInput input) {
        Violations v = new Violations();
        ElderDraft draft = checks.check(scope, input, null, v, checks.newCache());
        byte[] hash = draft == null ? null : cipher.lookupHash(draft.idNumber().value());
        if (draft != null) {
            elders.idByIdNumberHash(hash).ifPresent(existing -> duplicate(scope, existing, v));
        }
        v.throwIfAny();
        long id = elders.nextIds(1).getFirst();
        try {
            elders.insert(List.of(id), List.of(draft), List.of(cipher.encrypt(draft.idNumber().value())), List.of(hash),
                    today(), actor());
        } catch (DuplicateKeyException e) {
            // registered by someone else a moment ago
            throw InputRejectedException.of("idNumber", "elder.id-number.registered-elsewhere");
        }
        events.publishEvent(EldersChanged.of(id));
        return id;
    }

    private void duplicate(DataScope scope, long existing, Violations v) {
        if (elders.isInScope(scope, existing)) {
            v.add("idNumber", "elder.id-number.duplicate", String.valueOf(existing));
        } else {
            v.add("idNumber", "elder.id-number.registered-elsewhere");
        }
    }

    @Override
    @Transactional
    @PreAuthorize("hasAuthority('ELDER_EDIT')")
    public void update(DataScope scope, long id, ElderInput input) {
        ElderRepository.Row current = elders.find(scope, id).orElseThrow(() -> new NotFoundException("elder.not-found", id));
        IdCardNumber stored = IdCardNumber.parse(cipher.decrypt(current.idNumberEnc()));
        Violations v = new Violations();
        ElderDraft draft = checks.check(scope, input, stored, v, checks.newCache());
        byte[] hash = draft == null ? null : cipher.lookupHash(draft.idNumber().value());
        if (draft != null) {
            elders.idByIdNumberHash(hash).filter(other -> other != id).ifPresent(existing -> duplicate(scope, existing, v));
        }
        v.throwIfAny();
        boolean done;
        try {
            done = elders.update(id, input.version(), draft, cipher.encrypt(draft.idNumber().value()), hash);
        } catch (DuplicateKeyException e) {
            throw InputRejectedException.of("idNumber", "elder.id-number.registered-elsewhere");
        }
        if (!done) {
            throw RuleViolationException.conflict("elder.version-conflict");
        }
        events.publishEvent(EldersChanged.of(id));
    }

    @Override
    @Transactional
    @PreAuthorize("hasAuthority('ELDER_EDIT')")
    public void changeStatus(DataScope scope, long id, StatusChange change) {
        Violations v = new Violations();
        ElderStatus next = null;
        if (v.require("status", ElderInputChecks.trim(change.status()))) {
            next = ElderStatus.byName(change.status()).orElse(null);
            if (next == null) {
                v.add("status", "elder.status.invalid", change.status());
            }
        }
        String reason = ElderInputChecks.trim(change.reason());
        if (reason != null && reason.length() > 200) {
            v.add("reason", "field.too-long", "200");
        }
        LocalDate effective = change.effectiveDate() == null ? today() : change.effectiveDate();
        if (effective.isAfter(today())) {
            v.add("effectiveDate", "elder.status.effective-in-future");
        }
        ElderRepository.Row current = elders.find(scope, id).orElseThrow(() -> new NotFoundException("elder.not-found", id));
        v.throwIfAny();
        ElderStatus now = ElderStatus.valueOf(current.status());
        if (!now.canChangeTo(next)) {
            throw RuleViolationException.conflict(now == next ? "elder.status.unchanged" : "elder.status.not-allowed");
        }
        elders.changeStatus(id, next, reason, effective, actor());
        events.publishEvent(EldersChanged.of(id));
    }

    @Override
    @Transactional
    @PreAuthorize("hasAuthority('ELDER_EDIT')")
    public ImportReport importRoster(DataScope scope, String fileName, byte[] content) {
        ImportReport report = rosterImport.run(scope, fileName, content, today(), actor());
        List<Long> created = report.details().stream()
                .filter(r -> r.outcome() == ImportReport.Outcome.CREATED && r.elderId() != null)
                .map(ImportReport.Row::elderId).toList();
        if (!created.isEmpty()) {
            events.publishEvent(new EldersChanged(created));
        }
        return report;
    }

    @Override
    public byte[] importTemplate(Locale locale) {
        return rosterImport.template(locale);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String actor() {
        return CurrentUser.principal().map(ScopedPrincipal::username).orElse("system");
    }

    private String regionName(String code) {
        return regions.find(RegionCode.of(code)).map(Region::name).orElse(code);
    }

    private static Sex sex(String code) {
        return "M".equals(code) ? Sex.MALE : Sex.FEMALE;
    }

    private static List<ElderCategory> categories(List<String> names) {
        List<ElderCategory> out = new ArrayList<>();
        for (String n : names) {
            ElderCategory.byName(n).ifPresent(out::add);
        }
        return out;
    }

    static String masked(String phone) {
        try {
            return PhoneNumber.parse(phone).masked();
        } catch (RuntimeException e) {
            return "****";
        }
    }
}
