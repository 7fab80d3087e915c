package org.yiyang.subsidy.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyang.subsidy.Benefit;
import org.yiyang.subsidy.EligibilityChanged;
import org.yiyang.subsidy.EligibilityReason;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluates elders against the rules and stores what changed: a page of elders at a time (their
 * facts rows locked, so a single-elder evaluation for the same elder waits), comparing each
 * benefit's result with the stored one, writing only new or changed results in one statement and
 * publishing {@link EligibilityChanged} for each yes/no that changed.
 */
@Component
class EligibilityEvaluator {

    static final int PAGE = 5000;
    static final int AGE_BATCH = 500;
    private static final TypeReference<List<EligibilityReason>> REASONS = new TypeReference<>() {
    };

    /** What an evaluation did. */
    record Counts(long elders, long written, long changes) {

        Counts plus(Counts o) {
            return new Counts(elders + o.elders, written + o.written, changes + o.changes);
        }

        static final Counts NONE = new Counts(0, 0, 0);
    }

    private final EligibilityRepository repository;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;

    EligibilityEvaluator(EligibilityRepository repository, PlatformTransactionManager transactions,
                         ApplicationEventPublisher events, JsonMapper json) {
        this.repository = repository;
        this.tx = new TransactionTemplate(transactions);
        this.events = events;
        this.json = json;
    }

    RuleBook ruleBook() {
        return new RuleBook(repository.benefits().stream().map(Benefit::code).toList(), repository.rules());
    }

    /** Every elder whose community code starts with the prefix ('' = all), a page per transaction (or within the caller's). */
    Counts evaluateRegion(String prefix, LocalDate today) {
        RuleBook book = ruleBook();
        Counts total = Counts.NONE;
        long after = 0;
        while (true) {
            long from = after;
            PageOutcome page = tx.execute(s -> {
                List<EligibilityRepository.FactsRow> rows = repository.lockFactsPage(prefix, from, PAGE);
                Counts c = write(book, rows, today);
                return new PageOutcome(rows.isEmpty() ? -1 : rows.getLast().facts().elderId(), c);
            });
            total = total.plus(page.counts());
            if (page.lastId() < 0 || page.counts().elders() < PAGE) {
                return total;
            }
            after = page.lastId();
        }
    }

    private record PageOutcome(long lastId, Counts counts) {
    }

    /** One elder, in the caller's transaction; nothing when the elder is not in this module's copy. */
    Counts evaluateElder(long elderId, LocalDate today) {
        return repository.lockFacts(elderId).map(row -> write(ruleBook(), List.of(row), today)).orElse(Counts.NONE);
    }

    /** Some elders, in the caller's transaction (those not in this module's copy are left out). */
    Counts evaluateElders(java.util.Collection<Long> elderIds, LocalDate today) {
        return write(ruleBook(), repository.lockFacts(elderIds), today);
    }

    /**
     * Elders whose age changed since they were last evaluated (birthdays, turning 80 among them), in
     * batches; rows locked by another node are skipped, so with several nodes each elder is
     * evaluated once.
     */
    Counts evaluateAgeChanges(LocalDate today) {
        RuleBook book = ruleBook();
        Counts total = Counts.NONE;
        while (true) {
            Counts c = tx.execute(s -> write(book, repository.lockAgeChanged(today, AGE_BATCH), today));
            total = total.plus(c);
            if (c.elders() < AGE_BATCH) {
                return total;
            }
        }
    }

    /** Evaluates these (locked) elders, writes what changed, moves their next evaluation day, publishes the changes. */
    Counts write(RuleBook book, List<EligibilityRepository.FactsRow> rows, LocalDate today) {
        if (rows.isEmpty()) {
            return Counts.NONE;
        }
        long[] ids = rows.stream().mapToLong(r -> r.facts().elderId()).toArray();
        Map<Long, Map<String, EligibilityRepository.Stored>> stored = repository.stored(ids);
        List<EligibilityRepository.ResultRow> changed = new ArrayList<>();
        List<EligibilityChanged> flips = new ArrayList<>();
        List<Long> movedIds = new ArrayList<>();
        List<LocalDate> movedDays = new ArrayList<>();
        for (EligibilityRepository.FactsRow row : rows) {
            ElderFacts f = row.facts();
            Map<String, EligibilityRepository.Stored> before = stored.getOrDefault(f.elderId(), Map.of());
            for (RuleBook.Outcome o : book.evaluate(f, today)) {
                Verdict v = o.verdict();
                long hash = fingerprint(v.reasons());
                EligibilityRepository.Stored s = before.get(o.benefitCode());
                if (s == null || s.eligible() != v.eligible() || s.reasonsHash() != hash
                        || !Objects.equals(s.rulePrefix(), o.rulePrefix()) || !s.regionCode().equals(f.regionCode())) {
                    changed.add(new EligibilityRepository.ResultRow(f.elderId(), o.benefitCode(), f.regionCode(), v.eligible(),
                            json.writeValueAsString(v.reasons()), hash, o.rulePrefix()));
                }
                // a first result counts as a change only when it is a yes: "not eligible" is where everyone starts
                boolean flipped = s == null ? v.eligible() : s.eligible() != v.eligible();
                if (flipped) {
                    flips.add(new EligibilityChanged(f.elderId(), o.benefitCode(), v.eligible(), f.regionCode(), v.reasons()));
                }
            }
            LocalDate next = ElderFacts.nextAgeChange(f.birthDate(), today);
            if (!next.equals(row.ageChangesOn())) {
                movedIds.add(f.elderId());
                movedDays.add(next);
            }
        }
        repository.writeResults(changed);
        repository.setAgeChanges(movedIds, movedDays);
        flips.forEach(events::publishEvent);
        return new Counts(rows.size(), changed.size(), flips.size());
    }

    /** A 64-bit FNV-1a fingerprint of the reasons (codes, outcomes, arguments), stable across runs and nodes. */
    static long fingerprint(List<EligibilityReason> reasons) {
        long h = 0xcbf29ce484222325L;
        for (EligibilityReason r : reasons) {
            h = mix(h, r.code());
            h = mix(h, r.met() ? "+" : "-");
            for (String a : r.args()) {
                h = mix(h, a);
            }
            h = mix(h, ";");
        }
        return h;
    }

    private static long mix(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= 0x1f;
        return h * 0x100000001b3L;
    }

    List<EligibilityReason> reasons(String stored) {
        return json.readValue(stored, REASONS);
    }
}
