package org.yiyang.assessment.internal;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.yiyang.assessment.AbilityLevel;
import org.yiyang.assessment.AssessmentReason;
import org.yiyang.assessment.AssessmentStandard;
import org.yiyang.assessment.AssessmentStatus;
import org.yiyang.assessment.ChangeRule;
import org.yiyang.assessment.CurrentLevel;
import org.yiyang.assessment.EventCounting;
import org.yiyang.assessment.ReassessmentDue;
import org.yiyang.assessment.ReassessmentInterval;
import org.yiyang.assessment.RuleSettings;
import org.yiyang.assessment.Signature;
import org.yiyang.assessment.UpgradeStacking;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.PageQuery;

/**
 * SQL over the assessment tables. Every read a caller reaches puts the caller's scope into the
 * WHERE clause ({@link #scopeCondition}): region scopes by the elder's community code, a family
 * member's by the elder's id; provider and caregiver scopes see no assessments.
 */
@Repository
class AssessmentRepository {

    private final NamedParameterJdbcTemplate named;

    AssessmentRepository(NamedParameterJdbcTemplate named) {
        this.named = named;
    }

    /** An assessment row; answers and risk events as JSON text, legacy result as JSON text. */
    record Row(long id, long elderId, String elderName, String regionCode, AssessmentStandard standard, AssessmentStatus status,
               AssessmentReason reason, LocalDate assessedOn, String answersJson, String riskEventsJson, List<String> diagnoses,
               boolean coma, String notes, RuleSettings rules, Integer selfCare, Integer mobility, Integer mental,
               Integer perception, Integer total, AbilityLevel preliminary, AbilityLevel finalLevel, List<ChangeRule> changeRules,
               int levelsRaised, String legacyJson, String createdByName, Instant createdAt, Instant updatedAt,
               Instant completedAt, int version) {
    }

    /** What a new or saved draft holds. */
    record Content(AssessmentReason reason, LocalDate assessedOn, String answersJson, String riskEventsJson,
                   List<String> diagnoses, boolean coma, String notes) {
    }

    /** The stored result of a completed assessment. */
    record Result(RuleSettings rules, int selfCare, int mobility, int mental, int perception, int total,
                  AbilityLevel preliminary, AbilityLevel finalLevel, List<ChangeRule> changeRules, int levelsRaised) {
    }

    static String scopeCondition(DataScope scope, String alias, MapSqlParameterSource params) {
        return switch (scope) {
            case DataScope.Region r -> r.regionPredicate(alias + ".region_code");
            case DataScope.Elder e -> {
                params.addValue("scopeElderId", e.elderId());
                yield alias + ".elder_id = :scopeElderId";
            }
            case DataScope.Provider p -> "false";
            case DataScope.Caregiver c -> "false";
            case DataScope.None n -> "false";
        };
    }

    // ---- assessments -------------------------------------------------------------------------

    long insertDraft(long elderId, String elderName, String regionCode, Content c, Long userId, String userName) {
        MapSqlParameterSource p = content(c).addValue("elderId", elderId).addValue("elderName", elderName)
                .addValue("regionCode", regionCode).addValue("userId", userId).addValue("userName", userName);
        return named.queryForObject("""
                insert into assessment (elder_id, elder_name, region_code, standard, status, reason, assessed_on, answers,
                                        risk_events, diagnoses, coma, notes, created_by, created_by_name)
                values (:elderId, :elderName, :regionCode, 'GBT_42195_2022', 'DRAFT', :reason, :assessedOn, cast(:answers as jsonb),
                        cast(:riskEvents as jsonb), :diagnoses, :coma, :notes, :userId, :userName)
                returning id""", p, Long.class);
    }

    /** Replaces a draft's content; false when it is no longer a draft. */
    boolean updateDraft(long id, Content c) {
        return named.update("""
                update assessment set reason = :reason, assessed_on = :assessedOn, answers = cast(:answers as jsonb),
                       risk_events = cast(:riskEvents as jsonb), diagnoses = :diagnoses, coma = :coma, notes = :notes,
                       updated_at = now(), version = version + 1
                where id = :id and status = 'DRAFT'""", content(c).addValue("id", id)) == 1;
    }

    void complete(long id, Result r, Instant at) {
        named.update("""
                update assessment set status = 'COMPLETED', rule_version = :version, upgrade_stacking = :stacking,
                       event_counting = :counting, required_assessors = :required, self_care_score = :selfCare,
                       mobility_score = :mobility, mental_score = :mental, perception_score = :perception, total_score = :total,
                       preliminary_level = :preliminary, final_level = :final, change_rules = :rules, levels_raised = :raised,
                       completed_at = :at, updated_at = :at, version = version + 1
                where id = :id and status = 'DRAFT'""", result(r).addValue("id", id).addValue("at", Timestamp.from(at)));
    }

    private static MapSqlParameterSource result(Result r) {
        return new MapSqlParameterSource().addValue("version", r.rules().version())
                .addValue("stacking", r.rules().stacking().name()).addValue("counting", r.rules().eventCounting().name())
                .addValue("required", r.rules().requiredAssessors()).addValue("selfCare", r.selfCare())
                .addValue("mobility", r.mobility()).addValue("mental", r.mental()).addValue("perception", r.perception())
                .addValue("total", r.total()).addValue("preliminary", r.preliminary().code())
                .addValue("final", r.finalLevel().code())
                .addValue("rules", r.changeRules().stream().map(Enum::name).toArray(String[]::new))
                .addValue("raised", r.levelsRaised());
    }

    long insertLegacy(long elderId, String elderName, String regionCode, LocalDate assessedOn, String notes, String legacyJson,
                      Long userId, String userName, Instant at) {
        return named.queryForObject("""
                insert into assessment (elder_id, elder_name, region_code, standard, status, reason, assessed_on, notes, legacy,
                                        created_by, created_by_name, completed_at)
                values (:elderId, :elderName, :regionCode, 'MZT_039_2013', 'COMPLETED', 'OTHER', :assessedOn, :notes,
                        cast(:legacy as jsonb), :userId, :userName, :at)
                returning id""", new MapSqlParameterSource().addValue("elderId", elderId).addValue("elderName", elderName)
                .addValue("regionCode", regionCode).addValue("assessedOn", Date.valueOf(assessedOn)).addValue("notes", notes)
                .addValue("legacy", legacyJson).addValue("userId", userId).addValue("userName", userName)
                .addValue("at", Timestamp.from(at)), Long.class);
    }

    boolean deleteDraft(long id) {
        return named.update("delete from assessment where id = :id and status = 'DRAFT'", new MapSqlParameterSource("id", id)) == 1;
    }

    Optional<Row> find(DataScope scope, long id, boolean lock) {
        MapSqlParameterSource p = new MapSqlParameterSource("id", id);
        String where = scopeCondition(scope, "a", p);
        return named.query("select " + COLUMNS + " from assessment a where a.id = :id and " + where + (lock ? " for update" : ""),
                p, AssessmentRepository::row).stream().findFirst();
    }

    /** For when the elder moved since: the caller's access is then decided by the elder registry. */
    Optional<Row> findAnywhere(long id, boolean lock) {
        return named.query("select " + COLUMNS + " from assessment a where a.id = :id" + (lock ? " for update" : ""),
                new MapSqlParameterSource("id", id), AssessmentRepository::row).stream().findFirst();
    }

    /** The elder's assessments follow the elder to their current community (the data scope is the elder's region). */
    void followElder(long elderId, String regionCode) {
        MapSqlParameterSource p = new MapSqlParameterSource("elderId", elderId).addValue("regionCode", regionCode);
        named.update("update assessment set region_code = :regionCode where elder_id = :elderId and region_code <> :regionCode", p);
        if (named.update("update assessment_current set region_code = :regionCode where elder_id = :elderId and region_code <> :regionCode", p) > 0) {
            recomputeDue("c.elder_id = :elderId", p);
        }
    }

    List<Row> ofElder(long elderId, PageQuery page) {
        return named.query("select " + COLUMNS + " from assessment a where a.elder_id = :elderId "
                        + "order by (a.status = 'DRAFT') desc, a.assessed_on desc nulls first, a.id desc limit :limit offset :offset",
                new MapSqlParameterSource("elderId", elderId).addValue("limit", page.size()).addValue("offset", page.offset()),
                AssessmentRepository::row);
    }

    long countOfElder(long elderId) {
        return named.queryForObject("select count(*) from assessment where elder_id = :elderId",
                new MapSqlParameterSource("elderId", elderId), Long.class);
    }

    Optional<Long> openDraftOf(long elderId) {
        return named.queryForList("select id from assessment where elder_id = :elderId and status = 'DRAFT' order by id desc limit 1",
                new MapSqlParameterSource("elderId", elderId), Long.class).stream().findFirst();
    }

    // ---- signatures --------------------------------------------------------------------------

    void sign(long assessmentId, long userId, String username, String displayName, String method, Instant at) {
        named.update("""
                insert into assessment_signature (assessment_id, user_id, username, display_name, signed_at, method)
                values (:id, :userId, :username, :displayName, :at, :method)
                on conflict (assessment_id, user_id) do update set signed_at = excluded.signed_at, method = excluded.method""",
                new MapSqlParameterSource("id", assessmentId).addValue("userId", userId).addValue("username", username)
                        .addValue("displayName", displayName).addValue("at", Timestamp.from(at)).addValue("method", method));
    }

    void clearSignatures(long assessmentId) {
        named.update("delete from assessment_signature where assessment_id = :id", new MapSqlParameterSource("id", assessmentId));
    }

    Map<Long, List<Signature>> signatures(Collection<Long> assessmentIds) {
        Map<Long, List<Signature>> out = new LinkedHashMap<>();
        if (assessmentIds.isEmpty()) {
            return out;
        }
        named.query("""
                select assessment_id, user_id, username, display_name, signed_at, method from assessment_signature
                where assessment_id in (:ids) order by signed_at, user_id""",
                new MapSqlParameterSource("ids", assessmentIds), rs -> {
                    out.computeIfAbsent(rs.getLong("assessment_id"), k -> new ArrayList<>()).add(new Signature(rs.getLong("user_id"),
                            rs.getString("username"), rs.getString("display_name"), rs.getTimestamp("signed_at").toInstant(),
                            rs.getString("method")));
                });
        return out;
    }

    // ---- rules -------------------------------------------------------------------------------

    /** The rule version in force on a day: the latest that took effect on or before it. */
    Optional<RuleSettings> rulesOn(LocalDate day) {
        return named.query("""
                select version, effective_from, upgrade_stacking, event_counting, required_assessors from assessment_rule_version
                where effective_from <= :day order by effective_from desc limit 1""",
                new MapSqlParameterSource("day", Date.valueOf(day)), (rs, i) -> new RuleSettings(rs.getString("version"),
                        rs.getDate("effective_from").toLocalDate(), UpgradeStacking.valueOf(rs.getString("upgrade_stacking")),
                        EventCounting.valueOf(rs.getString("event_counting")), rs.getInt("required_assessors"))).stream().findFirst();
    }

    // ---- current level and schedule ----------------------------------------------------------

    /**
     * Makes a completed assessment the elder's current one unless a later one is already current;
     * clears a reported change that the assessment answers. True when it became current.
     */
    boolean makeCurrent(long elderId, String elderName, String regionCode, long assessmentId, AssessmentStandard standard,
                        LocalDate assessedOn, Integer finalLevel, Integer legacyLevel) {
        MapSqlParameterSource p = new MapSqlParameterSource("elderId", elderId).addValue("elderName", elderName)
                .addValue("regionCode", regionCode).addValue("id", assessmentId).addValue("standard", standard.name())
                .addValue("on", Date.valueOf(assessedOn)).addValue("final", finalLevel).addValue("legacy", legacyLevel);
        boolean current = named.update("""
                insert into assessment_current as c (elder_id, elder_name, region_code, assessment_id, standard, assessed_on,
                                                     final_level, legacy_level)
                values (:elderId, :elderName, :regionCode, :id, :standard, :on, :final, :legacy)
                on conflict (elder_id) do update set elder_name = excluded.elder_name, region_code = excluded.region_code,
                       assessment_id = excluded.assessment_id, standard = excluded.standard, assessed_on = excluded.assessed_on,
                       final_level = excluded.final_level, legacy_level = excluded.legacy_level,
                       change_reported_on = case when c.change_reported_on <= excluded.assessed_on and excluded.standard = 'GBT_42195_2022'
                                                 then null else c.change_reported_on end,
                       change_note = case when c.change_reported_on <= excluded.assessed_on and excluded.standard = 'GBT_42195_2022'
                                          then null else c.change_note end,
                       change_reported_by = case when c.change_reported_on <= excluded.assessed_on and excluded.standard = 'GBT_42195_2022'
                                                 then null else c.change_reported_by end
                where c.assessed_on is null or c.assessed_on < excluded.assessed_on
                   or (c.assessed_on = excluded.assessed_on and (excluded.standard = 'GBT_42195_2022' or c.standard = 'MZT_039_2013'))""", p) == 1;
        recomputeDue("c.elder_id = :elderId", p);
        return current;
    }

    /**
     * Sets {@code due_on} of the matching rows: the day a change was reported, or the last
     * assessment plus the interval of the longest matching region prefix.
     */
    private void recomputeDue(String where, MapSqlParameterSource p) {
        named.update("""
                update assessment_current c set due_on = coalesce(c.change_reported_on, (c.assessed_on + make_interval(months => (
                    select i.months from assessment_interval i where c.region_code like i.region_prefix || '%'
                    order by length(i.region_prefix) desc limit 1)))::date)
                where\s""" + where, p);
    }

    void reportChange(long elderId, String elderName, String regionCode, LocalDate on, String note, String by) {
        named.update("""
                insert into assessment_current (elder_id, elder_name, region_code, change_reported_on, change_note, change_reported_by)
                values (:elderId, :elderName, :regionCode, :on, :note, :by)
                on conflict (elder_id) do update set elder_name = excluded.elder_name, region_code = excluded.region_code,
                       change_reported_on = excluded.change_reported_on, change_note = excluded.change_note,
                       change_reported_by = excluded.change_reported_by""",
                new MapSqlParameterSource("elderId", elderId).addValue("elderName", elderName).addValue("regionCode", regionCode)
                        .addValue("on", Date.valueOf(on)).addValue("note", note).addValue("by", by));
        recomputeDue("c.elder_id = :elderId", new MapSqlParameterSource("elderId", elderId));
    }

    private static String dueWhere(DataScope scope, String prefix, MapSqlParameterSource p) {
        p.addValue("prefix", prefix == null ? "" : prefix);
        return " where " + scopeCondition(scope, "c", p) + " and c.region_code like :prefix || '%' and c.due_on <= :horizon ";
    }

    List<ReassessmentDue> due(DataScope scope, String prefix, LocalDate today, LocalDate horizon, PageQuery page) {
        MapSqlParameterSource p = new MapSqlParameterSource("horizon", Date.valueOf(horizon)).addValue("limit", page.size())
                .addValue("offset", page.offset());
        // the page first, then the interval and any draft for its rows only
        return named.query("select c.*, "
                + "(select i.months from assessment_interval i where c.region_code like i.region_prefix || '%' "
                + "order by length(i.region_prefix) desc limit 1) as months, "
                + "(select max(a.id) from assessment a where a.elder_id = c.elder_id and a.status = 'DRAFT') as draft_id "
                + "from (select * from assessment_current c " + dueWhere(scope, prefix, p)
                + " order by (c.change_reported_on is null), c.due_on, c.elder_id limit :limit offset :offset) c"
                + " order by (c.change_reported_on is null), c.due_on, c.elder_id", p, (rs, i) -> {
            LocalDate due = rs.getDate("due_on").toLocalDate();
            LocalDate reported = date(rs, "change_reported_on");
            ReassessmentDue.State state = reported != null ? ReassessmentDue.State.CHANGE_REPORTED
                    : due.isBefore(today) ? ReassessmentDue.State.OVERDUE : ReassessmentDue.State.DUE;
            String standard = rs.getString("standard");
            Integer level = smallint(rs, "final_level");
            return new ReassessmentDue(rs.getLong("elder_id"), rs.getString("elder_name"), rs.getString("region_code"),
                    standard == null ? null : AssessmentStandard.valueOf(standard), (Long) rs.getObject("assessment_id"),
                    date(rs, "assessed_on"), level == null ? null : AbilityLevel.ofCode(level), smallint(rs, "legacy_level"),
                    rs.getInt("months"), due, state, reported, rs.getString("change_note"), (Long) rs.getObject("draft_id"));
        });
    }

    long countDue(DataScope scope, String prefix, LocalDate horizon) {
        MapSqlParameterSource p = new MapSqlParameterSource("horizon", Date.valueOf(horizon));
        return named.queryForObject("select count(*) from assessment_current c " + dueWhere(scope, prefix, p), p, Long.class);
    }

    /** Counts per (child prefix, level) of the elders whose region code starts with {@code prefix}. */
    List<Object[]> levelCounts(DataScope scope, String prefix, int childDigits) {
        MapSqlParameterSource p = new MapSqlParameterSource("prefix", prefix).addValue("digits", childDigits);
        return named.query("""
                select substr(c.region_code, 1, :digits) as child, c.standard, coalesce(c.final_level, c.legacy_level) as level, count(*) as n
                from assessment_current c
                where c.standard is not null and c.region_code like :prefix || '%' and\s""" + scopeCondition(scope, "c", p) + """
                \sgroup by 1, 2, 3""", p, (rs, i) -> new Object[] {rs.getString("child"), rs.getString("standard"),
                rs.getInt("level"), rs.getLong("n")});
    }

    Optional<CurrentLevel> currentLevel(long elderId) {
        return currentLevels(List.of(elderId)).values().stream().findFirst();
    }

    Map<Long, CurrentLevel> currentLevels(Collection<Long> elderIds) {
        Map<Long, CurrentLevel> out = new LinkedHashMap<>();
        if (elderIds.isEmpty()) {
            return out;
        }
        // the latest completed GB/T 42195 assessment, even when an MZ/T 039 record is newer
        named.query("""
                select distinct on (a.elder_id) a.elder_id, a.id, a.final_level, a.assessed_on from assessment a
                where a.elder_id in (:ids) and a.status = 'COMPLETED' and a.standard = 'GBT_42195_2022'
                order by a.elder_id, a.assessed_on desc, a.id desc""", new MapSqlParameterSource("ids", elderIds), rs -> {
            out.put(rs.getLong("elder_id"), new CurrentLevel(rs.getLong("elder_id"), rs.getLong("id"),
                    AbilityLevel.ofCode(rs.getInt("final_level")), rs.getDate("assessed_on").toLocalDate()));
        });
        return out;
    }

    // ---- intervals ---------------------------------------------------------------------------

    List<ReassessmentInterval> intervals() {
        return named.query("select region_prefix, months, updated_by from assessment_interval order by region_prefix",
                (rs, i) -> new ReassessmentInterval(rs.getString("region_prefix"), rs.getInt("months"), rs.getString("updated_by")));
    }

    void setInterval(String prefix, int months, String by) {
        named.update("""
                insert into assessment_interval (region_prefix, months, updated_by, updated_at) values (:prefix, :months, :by, now())
                on conflict (region_prefix) do update set months = excluded.months, updated_by = excluded.updated_by, updated_at = now()""",
                new MapSqlParameterSource("prefix", prefix).addValue("months", months).addValue("by", by));
        recomputeDue("c.region_code like :prefix || '%'", new MapSqlParameterSource("prefix", prefix));
    }

    void deleteInterval(String prefix) {
        named.update("delete from assessment_interval where region_prefix = :prefix", new MapSqlParameterSource("prefix", prefix));
        recomputeDue("c.region_code like :prefix || '%'", new MapSqlParameterSource("prefix", prefix));
    }

    // ---- demo data ---------------------------------------------------------------------------

    /** Completed assessments written in one batch (demo data): ids come back in order. */
    List<Long> nextIds(int n) {
        return named.queryForList("select nextval(pg_get_serial_sequence('assessment', 'id')) from generate_series(1, :n)",
                new MapSqlParameterSource("n", n), Long.class);
    }

    /** Completed assessments as COPY text (demo data), in the column order below. */
    void copyCompleted(String text) {
        copy("""
                copy assessment (id, elder_id, elder_name, region_code, standard, status, reason, assessed_on, answers, risk_events,
                                 diagnoses, coma, notes, legacy, rule_version, upgrade_stacking, event_counting, required_assessors,
                                 self_care_score, mobility_score, mental_score, perception_score, total_score, preliminary_level,
                                 final_level, change_rules, levels_raised, created_by, created_by_name, created_at, updated_at,
                                 completed_at) from stdin""", text);
    }

    void copySignatures(String text) {
        copy("copy assessment_signature (assessment_id, user_id, username, display_name, signed_at, method) from stdin", text);
    }

    private void copy(String sql, String text) {
        DataSource dataSource = named.getJdbcTemplate().getDataSource();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(text));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not copy the demo assessments", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** After demo assessments were written: each elder's latest one becomes current. */
    void rebuildCurrent() {
        named.getJdbcTemplate().update("analyze assessment");
        named.getJdbcTemplate().update("""
                insert into assessment_current (elder_id, elder_name, region_code, assessment_id, standard, assessed_on, final_level, legacy_level)
                select distinct on (a.elder_id) a.elder_id, a.elder_name, a.region_code, a.id, a.standard, a.assessed_on, a.final_level,
                       (a.legacy ->> 'level')::int
                from assessment a where a.status = 'COMPLETED'
                order by a.elder_id, a.assessed_on desc, (a.standard = 'GBT_42195_2022') desc, a.id desc
                on conflict (elder_id) do update set elder_name = excluded.elder_name, region_code = excluded.region_code,
                       assessment_id = excluded.assessment_id, standard = excluded.standard, assessed_on = excluded.assessed_on,
                       final_level = excluded.final_level, legacy_level = excluded.legacy_level""");
    }

    void reportChanges(List<SqlParameterSource> rows) {
        named.batchUpdate("""
                update assessment_current set change_reported_on = :on, change_note = :note, change_reported_by = :by
                where elder_id = :elderId""", rows.toArray(SqlParameterSource[]::new));
        recomputeDue("true", new MapSqlParameterSource());
        named.getJdbcTemplate().update("analyze assessment_current");
    }

    // ---- mapping -----------------------------------------------------------------------------

    private static MapSqlParameterSource content(Content c) {
        return new MapSqlParameterSource().addValue("reason", c.reason() == null ? null : c.reason().name())
                .addValue("assessedOn", c.assessedOn() == null ? null : Date.valueOf(c.assessedOn()))
                .addValue("answers", c.answersJson()).addValue("riskEvents", c.riskEventsJson())
                .addValue("diagnoses", c.diagnoses().toArray(String[]::new)).addValue("coma", c.coma())
                .addValue("notes", c.notes());
    }

    private static final String COLUMNS = """
            a.id, a.elder_id, a.elder_name, a.region_code, a.standard, a.status, a.reason, a.assessed_on, a.answers::text as answers,
            a.risk_events::text as risk_events, a.diagnoses, a.coma, a.notes, a.rule_version, a.upgrade_stacking, a.event_counting,
            a.required_assessors, a.self_care_score, a.mobility_score, a.mental_score, a.perception_score, a.total_score,
            a.preliminary_level, a.final_level, a.change_rules, a.levels_raised, a.legacy::text as legacy, a.created_by_name,
            a.created_at, a.updated_at, a.completed_at, a.version""";

    private static Row row(ResultSet rs, int i) throws SQLException {
        String ruleVersion = rs.getString("rule_version");
        RuleSettings rules = ruleVersion == null ? null : new RuleSettings(ruleVersion, null,
                UpgradeStacking.valueOf(rs.getString("upgrade_stacking")), EventCounting.valueOf(rs.getString("event_counting")),
                rs.getInt("required_assessors"));
        String reason = rs.getString("reason");
        Integer preliminary = smallint(rs, "preliminary_level");
        Integer fin = smallint(rs, "final_level");
        return new Row(rs.getLong("id"), rs.getLong("elder_id"), rs.getString("elder_name"), rs.getString("region_code"),
                AssessmentStandard.valueOf(rs.getString("standard")), AssessmentStatus.valueOf(rs.getString("status")),
                reason == null ? null : AssessmentReason.valueOf(reason), date(rs, "assessed_on"), rs.getString("answers"),
                rs.getString("risk_events"), strings(rs.getArray("diagnoses")), rs.getBoolean("coma"), rs.getString("notes"), rules,
                smallint(rs, "self_care_score"), smallint(rs, "mobility_score"), smallint(rs, "mental_score"),
                smallint(rs, "perception_score"), smallint(rs, "total_score"),
                preliminary == null ? null : AbilityLevel.ofCode(preliminary), fin == null ? null : AbilityLevel.ofCode(fin),
                strings(rs.getArray("change_rules")).stream().map(ChangeRule::valueOf).toList(), rs.getInt("levels_raised"),
                rs.getString("legacy"), rs.getString("created_by_name"), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "completed_at"), rs.getInt("version"));
    }

    private static Integer smallint(ResultSet rs, String column) throws SQLException {
        Object o = rs.getObject(column);
        return o == null ? null : ((Number) o).intValue();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }
}
