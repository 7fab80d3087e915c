package org.yiyang.subsidy.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiyang.assessment.AbilityLevel;
import org.yiyang.elder.ElderCategory;
import org.yiyang.elder.ElderProfile;
import org.yiyang.elder.ElderStatus;
import org.yiyang.shared.DataScope;
import org.yiyang.subsidy.Benefit;

/** SQL over the subsidy tables: benefits, rules, the copy of elder facts, results, job days. */
@Repository
class EligibilityRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    EligibilityRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** Elder facts with the day the evaluation must run again (the next birthday). */
    record FactsRow(ElderFacts facts, LocalDate ageChangesOn) {
    }

    /** A stored result, as far as change detection needs it. */
    record Stored(boolean eligible, long reasonsHash, String rulePrefix, String regionCode) {
    }

    /** A result to write. */
    record ResultRow(long elderId, String benefitCode, String regionCode, boolean eligible, String reasons, long reasonsHash,
                     String rulePrefix) {
    }

    /** A stored result for display. */
    record ResultView(String benefitCode, boolean eligible, String reasons, String rulePrefix, Instant since, Instant updatedAt) {
    }

    // --- benefits and rules

    List<Benefit> benefits() {
        return jdbc.sql("select code, name_zh, name_en from benefit order by position, code")
                .query((rs, n) -> new Benefit(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    private static final String RULE_COLUMNS = "region_prefix, benefit_code, offered, min_age, any_categories, min_level, version, updated_by, updated_at";

    List<EligibilityRule> rules() {
        return jdbc.sql("select " + RULE_COLUMNS + " from eligibility_rule").query((rs, n) -> rule(rs)).list();
    }

    /** The rules that are ancestors of (or equal to) the prefix, and those below it. */
    List<EligibilityRule> rulesAround(String prefix) {
        return jdbc.sql("select " + RULE_COLUMNS + """
                         from eligibility_rule
                        where :prefix like region_prefix || '%' or region_prefix like :prefix || '%'
                        order by benefit_code, length(region_prefix), region_prefix""")
                .param("prefix", prefix).query((rs, n) -> rule(rs)).list();
    }

    Optional<EligibilityRule> rule(String prefix, String benefit) {
        return jdbc.sql("select " + RULE_COLUMNS + " from eligibility_rule where region_prefix = ? and benefit_code = ?")
                .params(prefix, benefit).query((rs, n) -> rule(rs)).optional();
    }

    /** Inserts or replaces a rule; false when {@code expectedVersion} no longer matches. */
    boolean saveRule(EligibilityRule r, Integer expectedVersion, String by) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("prefix", r.regionPrefix()).addValue("benefit", r.benefitCode()).addValue("offered", r.offered())
                .addValue("minAge", r.minAge()).addValue("categories", categoryNames(r.anyCategories()))
                .addValue("minLevel", r.minLevel() == null ? null : r.minLevel().code()).addValue("by", by)
                .addValue("version", expectedVersion);
        String versionCheck = expectedVersion == null ? "" : " where eligibility_rule.version = :version";
        int n = named.update("""
                insert into eligibility_rule (region_prefix, benefit_code, offered, min_age, any_categories, min_level, updated_by)
                values (:prefix, :benefit, :offered, :minAge, :categories, :minLevel, :by)
                on conflict (region_prefix, benefit_code) do update
                   set offered = excluded.offered, min_age = excluded.min_age, any_categories = excluded.any_categories,
                       min_level = excluded.min_level, updated_by = excluded.updated_by, updated_at = now(),
                       version = eligibility_rule.version + 1""" + versionCheck, p);
        if (n == 0) {
            return false;
        }
        named.update("""
                insert into eligibility_rule_change (region_prefix, benefit_code, offered, min_age, any_categories, min_level, changed_by)
                values (:prefix, :benefit, :offered, :minAge, :categories, :minLevel, :by)""", p);
        return true;
    }

    boolean removeRule(String prefix, String benefit, String by) {
        int n = jdbc.sql("delete from eligibility_rule where region_prefix = ? and benefit_code = ?").params(prefix, benefit).update();
        if (n > 0) {
            jdbc.sql("insert into eligibility_rule_change (region_prefix, benefit_code, removed, changed_by) values (?, ?, true, ?)")
                    .params(prefix, benefit, by).update();
        }
        return n > 0;
    }

    private static EligibilityRule rule(ResultSet rs) throws SQLException {
        int minAge = rs.getInt("min_age");
        Integer age = rs.wasNull() ? null : minAge;
        int level = rs.getInt("min_level");
        AbilityLevel minLevel = rs.wasNull() ? null : AbilityLevel.ofCode(level);
        return new EligibilityRule(rs.getString("region_prefix"), rs.getString("benefit_code"), rs.getBoolean("offered"), age,
                categories(rs.getArray("any_categories")), minLevel, rs.getInt("version"), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }

    // --- the copy of elder facts

    private static final String FACTS_COLUMNS = "e.elder_id, e.region_code, e.birth_date, e.categories, e.status, e.ability_level, e.assessed_on, e.age_changes_on";

    /**
     * Writes profiles read from the registry: new elders are added, changed facts replaced (the
     * ability level is kept). Returns the ids whose facts were new or changed.
     */
    List<Long> syncProfiles(List<ElderProfile> profiles, LocalDate today) {
        if (profiles.isEmpty()) {
            return List.of();
        }
        int n = profiles.size();
        long[] ids = new long[n];
        String[] regions = new String[n];
        String[] births = new String[n];
        String[] categories = new String[n];
        String[] statuses = new String[n];
        String[] ageChanges = new String[n];
        for (int i = 0; i < n; i++) {
            ElderProfile p = profiles.get(i);
            ids[i] = p.id();
            regions[i] = p.regionCode();
            births[i] = p.birthDate().toString();
            categories[i] = arrayLiteral(p.categories().stream().sorted().map(Enum::name).toArray(String[]::new));
            statuses[i] = p.status().name();
            ageChanges[i] = ElderFacts.nextAgeChange(p.birthDate(), today).toString();
        }
        return jdbc.sql("""
                        insert into eligibility_elder (elder_id, region_code, birth_date, categories, status, age_changes_on)
                        select u.id, u.region, cast(u.birth as date), cast(u.categories as text[]), u.status, cast(u.age_changes as date)
                          from unnest(cast(:ids as bigint[]), cast(:regions as text[]), cast(:births as text[]),
                                      cast(:categories as text[]), cast(:statuses as text[]), cast(:ageChanges as text[]))
                               as u(id, region, birth, categories, status, age_changes)
                        on conflict (elder_id) do update
                           set region_code = excluded.region_code, birth_date = excluded.birth_date,
                               categories = excluded.categories, status = excluded.status,
                               age_changes_on = case when eligibility_elder.birth_date = excluded.birth_date
                                                     then eligibility_elder.age_changes_on else excluded.age_changes_on end
                         where (eligibility_elder.region_code, eligibility_elder.birth_date, eligibility_elder.categories, eligibility_elder.status)
                               is distinct from (excluded.region_code, excluded.birth_date, excluded.categories, excluded.status)
                        returning elder_id""")
                .param("ids", ids).param("regions", regions).param("births", births).param("categories", categories)
                .param("statuses", statuses).param("ageChanges", ageChanges)
                .query(Long.class).list();
    }

    /** A PostgreSQL array literal of simple words (category names need no quoting). */
    private static String arrayLiteral(String[] words) {
        return "{" + String.join(",", words) + "}";
    }

    /** Records the level of a completed assessment unless a later one is already known. True when it was newer. */
    boolean recordAssessment(long elderId, AbilityLevel level, long assessmentId, LocalDate assessedOn) {
        return jdbc.sql("""
                        update eligibility_elder set ability_level = :level, assessment_id = :assessment, assessed_on = :on
                         where elder_id = :id
                           and (assessed_on is null or assessed_on < :on or (assessed_on = :on and assessment_id <= :assessment))""")
                .param("level", level.code()).param("assessment", assessmentId).param("on", Date.valueOf(assessedOn))
                .param("id", elderId).update() > 0;
    }

    boolean hasElder(long elderId) {
        return jdbc.sql("select count(*) from eligibility_elder where elder_id = ?").param(elderId).query(Long.class).single() > 0;
    }

    /** One elder's facts, locked for the evaluation that follows. */
    Optional<FactsRow> lockFacts(long elderId) {
        return jdbc.sql("select " + FACTS_COLUMNS + " from eligibility_elder e where e.elder_id = ? for update")
                .param(elderId).query((rs, n) -> factsRow(rs)).optional();
    }

    /** Some elders' facts (those in the copy), locked for the evaluation that follows. */
    List<FactsRow> lockFacts(java.util.Collection<Long> elderIds) {
        return jdbc.sql("select " + FACTS_COLUMNS + " from eligibility_elder e where e.elder_id = any(cast(:ids as bigint[])) order by e.elder_id for update")
                .param("ids", elderIds.stream().mapToLong(Long::longValue).toArray()).query((rs, n) -> factsRow(rs)).list();
    }

    /** A page of facts in a region (by id, after {@code afterId}), locked for the evaluation that follows. */
    List<FactsRow> lockFactsPage(String prefix, long afterId, int limit) {
        return jdbc.sql("select " + FACTS_COLUMNS + """
                         from eligibility_elder e
                        where e.elder_id > :after and e.region_code like :prefix
                        order by e.elder_id limit :limit
                        for update""")
                .param("after", afterId).param("prefix", prefix + "%").param("limit", limit)
                .query((rs, n) -> factsRow(rs)).list();
    }

    /** Elders whose age changed since their last evaluation, locked; rows another node holds are skipped. */
    List<FactsRow> lockAgeChanged(LocalDate today, int limit) {
        return jdbc.sql("select " + FACTS_COLUMNS + """
                         from eligibility_elder e
                        where e.age_changes_on <= :today
                        order by e.age_changes_on, e.elder_id limit :limit
                        for update skip locked""")
                .param("today", Date.valueOf(today)).param("limit", limit)
                .query((rs, n) -> factsRow(rs)).list();
    }

    void setAgeChanges(List<Long> ids, List<LocalDate> days) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update eligibility_elder e set age_changes_on = cast(u.day as date)
                          from unnest(cast(:ids as bigint[]), cast(:days as text[])) as u(id, day)
                         where e.elder_id = u.id""")
                .param("ids", ids.stream().mapToLong(Long::longValue).toArray())
                .param("days", days.stream().map(LocalDate::toString).toArray(String[]::new))
                .update();
    }

    private static FactsRow factsRow(ResultSet rs) throws SQLException {
        int level = rs.getInt("ability_level");
        AbilityLevel abilityLevel = rs.wasNull() ? null : AbilityLevel.ofCode(level);
        Date assessed = rs.getDate("assessed_on");
        ElderFacts f = new ElderFacts(rs.getLong("elder_id"), rs.getString("region_code"), rs.getDate("birth_date").toLocalDate(),
                categories(rs.getArray("categories")), ElderStatus.valueOf(rs.getString("status")), abilityLevel,
                assessed == null ? null : assessed.toLocalDate());
        return new FactsRow(f, rs.getDate("age_changes_on").toLocalDate());
    }

    // --- results

    Map<Long, Map<String, Stored>> stored(long[] elderIds) {
        Map<Long, Map<String, Stored>> out = new HashMap<>();
        if (elderIds.length == 0) {
            return out;
        }
        jdbc.sql("""
                        select elder_id, benefit_code, eligible, reasons_hash, rule_prefix, region_code
                          from eligibility where elder_id = any(cast(:ids as bigint[]))""")
                .param("ids", elderIds)
                .query((ResultSet rs) -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2),
                            new Stored(rs.getBoolean(3), rs.getLong(4), rs.getString(5), rs.getString(6)));
                });
        return out;
    }

    /** Writes results; {@code since} moves only when the yes/no changes. */
    void writeResults(List<ResultRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        long[] ids = new long[n];
        String[] benefits = new String[n];
        String[] regions = new String[n];
        boolean[] eligible = new boolean[n];
        String[] reasons = new String[n];
        long[] hashes = new long[n];
        String[] prefixes = new String[n];
        for (int i = 0; i < n; i++) {
            ResultRow r = rows.get(i);
            ids[i] = r.elderId();
            benefits[i] = r.benefitCode();
            regions[i] = r.regionCode();
            eligible[i] = r.eligible();
            reasons[i] = r.reasons();
            hashes[i] = r.reasonsHash();
            prefixes[i] = r.rulePrefix();
        }
        jdbc.sql("""
                        insert into eligibility (elder_id, benefit_code, region_code, eligible, reasons, reasons_hash, rule_prefix,
                                                 since, updated_at)
                        select u.id, u.benefit, u.region, u.eligible, u.reasons, u.hash, u.prefix, now(), now()
                          from unnest(cast(:ids as bigint[]), cast(:benefits as text[]), cast(:regions as text[]),
                                      cast(:eligible as boolean[]), cast(:reasons as text[]), cast(:hashes as bigint[]),
                                      cast(:prefixes as text[]))
                               as u(id, benefit, region, eligible, reasons, hash, prefix)
                        on conflict (elder_id, benefit_code) do update
                           set region_code = excluded.region_code, eligible = excluded.eligible, reasons = excluded.reasons,
                               reasons_hash = excluded.reasons_hash, rule_prefix = excluded.rule_prefix, updated_at = now(),
                               since = case when eligibility.eligible = excluded.eligible then eligibility.since else now() end""")
                .param("ids", ids).param("benefits", benefits).param("regions", regions).param("eligible", eligible)
                .param("reasons", reasons).param("hashes", hashes).param("prefixes", prefixes)
                .update();
    }

    /** The elder's facts as the rules see them, when the elder is in the copy (not locked). */
    Optional<FactsRow> facts(long elderId) {
        return jdbc.sql("select " + FACTS_COLUMNS + " from eligibility_elder e where e.elder_id = ?")
                .param(elderId).query((rs, n) -> factsRow(rs)).optional();
    }

    List<ResultView> results(long elderId) {
        return jdbc.sql("""
                        select r.benefit_code, r.eligible, r.reasons, r.rule_prefix, r.since, r.updated_at
                          from eligibility r join benefit b on b.code = r.benefit_code
                         where r.elder_id = ? order by b.position, b.code""")
                .param(elderId)
                .query((rs, n) -> new ResultView(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** Active elders per region-code prefix of {@code childDigits} digits within the scope. */
    Map<String, Long> eldersByChild(DataScope scope, int childDigits) {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("select left(region_code, :d), count(*) from eligibility_elder where status = 'ACTIVE' and ("
                        + scope.regionPredicate("region_code") + ") group by 1")
                .param("d", childDigits)
                .query((ResultSet rs) -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    /** Eligible elders per region-code prefix of {@code childDigits} digits and benefit, within the scope. */
    Map<String, Map<String, Long>> eligibleByChild(DataScope scope, int childDigits) {
        Map<String, Map<String, Long>> out = new HashMap<>();
        jdbc.sql("select left(region_code, :d), benefit_code, count(*) from eligibility where eligible and ("
                        + scope.regionPredicate("region_code") + ") group by 1, 2")
                .param("d", childDigits)
                .query((ResultSet rs) -> {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        return out;
    }

    // --- jobs

    /** Claims the job for the day: true for exactly one caller (node) per day. */
    boolean claimDay(String job, LocalDate day) {
        return jdbc.sql("update subsidy_job set last_day = :day where name = :job and (last_day is null or last_day < :day)")
                .param("day", Date.valueOf(day)).param("job", job).update() > 0;
    }

    // --- helpers

    static String[] categoryNames(Set<ElderCategory> categories) {
        return categories.isEmpty() ? new String[0]
                : EnumSet.copyOf(categories).stream().map(Enum::name).toArray(String[]::new);
    }

    private static Set<ElderCategory> categories(Array array) throws SQLException {
        Set<ElderCategory> out = EnumSet.noneOf(ElderCategory.class);
        if (array != null) {
            for (String s : (String[]) array.getArray()) {
                ElderCategory.byName(s).ifPresent(out::add);
            }
        }
        return out;
    }
}
