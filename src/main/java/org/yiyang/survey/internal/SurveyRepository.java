package org.yiyang.survey.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiyang.shared.DataScope;
import org.yiyang.survey.QuestionKind;
import org.yiyang.survey.ResponseChannel;
import org.yiyang.survey.Survey;
import org.yiyang.survey.SurveyResponse;
import org.yiyang.survey.SurveyStatus;
import org.yiyang.survey.SurveySummary;

/** SQL over the survey tables. Reads of questionnaires and responses take the caller's visibility as a condition. */
@Repository
class SurveyRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    SurveyRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** A questionnaire's own row. */
    record Header(long id, long seriesId, int version, String title, String description, String regionCode, String regionPrefix,
                  SurveyStatus status, String createdBy, Instant createdAt, Instant publishedAt, Instant closedAt) {
    }

    /** A checked draft question. */
    record QuestionDraft(QuestionKind kind, String text, boolean required, List<String> options) {
    }

    /** A checked answer to store. */
    record AnswerRow(long questionId, Long optionId, Integer scale, String text) {
    }

    /**
     * Which questionnaires a caller sees, as SQL over alias {@code s}: a region scope those of its
     * region, below and above it; an elder (family) the published ones whose region covers the
     * elder's community; nobody else any.
     */
    static String visible(DataScope scope, String elderRegion, MapSqlParameterSource params) {
        return switch (scope) {
            case DataScope.Region r -> "(s.region_prefix like '" + r.prefix() + "%' or '" + r.prefix() + "' like s.region_prefix || '%')";
            case DataScope.Elder e -> {
                if (elderRegion == null) {
                    yield "false";
                }
                params.addValue("elderRegion", elderRegion);
                yield "(s.status = 'PUBLISHED' and :elderRegion like s.region_prefix || '%')";
            }
            default -> "false";
        };
    }

    /** Responses a caller may see, as SQL over alias {@code r}: by the elder's region, or the family's own elder. */
    static String responsesVisible(DataScope scope, MapSqlParameterSource params) {
        return switch (scope) {
            case DataScope.Region r -> r.regionPredicate("r.region_code");
            case DataScope.Elder e -> {
                params.addValue("scopeElderId", e.elderId());
                yield "r.elder_id = :scopeElderId";
            }
            default -> "false";
        };
    }

    private static final String HEADER = "s.id, s.series_id, s.version, s.title, s.description, s.region_code, s.region_prefix, s.status, "
            + "s.created_by, s.created_at, s.published_at, s.closed_at";

    Optional<Header> find(DataScope scope, String elderRegion, long id) {
        MapSqlParameterSource p = new MapSqlParameterSource("id", id);
        return named.query("select " + HEADER + " from survey s where s.id = :id and " + visible(scope, elderRegion, p), p,
                (rs, n) -> header(rs)).stream().findFirst();
    }

    /** For writes: locks the row. */
    Optional<Header> lock(long id) {
        return jdbc.sql("select " + HEADER + " from survey s where s.id = ? for update").param(id).query((rs, n) -> header(rs)).optional();
    }

    List<SurveySummary> list(DataScope scope, String elderRegion, int limit, long offset) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("limit", limit).addValue("offset", offset);
        return named.query("""
                select s.id, s.series_id, s.version, s.title, s.region_code, s.status, s.published_at,
                       (select count(*) from survey_response r where r.survey_id = s.id and r.current) as responses
                  from survey s where """ + " " + visible(scope, elderRegion, p) + """
                 order by case s.status when 'PUBLISHED' then 0 when 'DRAFT' then 1 else 2 end, s.created_at desc, s.id desc
                 limit :limit offset :offset""", p, (rs, n) -> new SurveySummary(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                rs.getString(4), rs.getString(5), SurveyStatus.valueOf(rs.getString(6)), instant(rs.getTimestamp(7)), rs.getLong(8)));
    }

    long count(DataScope scope, String elderRegion) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        Long n = named.queryForObject("select count(*) from survey s where " + visible(scope, elderRegion, p), p, Long.class);
        return n == null ? 0 : n;
    }

    long currentResponses(long surveyId) {
        return jdbc.sql("select count(*) from survey_response where survey_id = ? and current").param(surveyId).query(Long.class).single();
    }

    List<Survey.Question> questions(long surveyId) {
        Map<Long, List<Survey.Option>> options = new HashMap<>();
        jdbc.sql("""
                        select o.question_id, o.id, o.position, o.label from survey_option o
                          join survey_question q on q.id = o.question_id where q.survey_id = ? order by o.position""")
                .param(surveyId)
                .query((ResultSet rs) -> {
                    options.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Survey.Option(rs.getLong(2), rs.getInt(3), rs.getString(4)));
                });
        return jdbc.sql("select id, position, kind, text, required from survey_question where survey_id = ? order by position")
                .param(surveyId)
                .query((rs, n) -> new Survey.Question(rs.getLong(1), rs.getInt(2), QuestionKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getBoolean(5), options.getOrDefault(rs.getLong(1), List.of())))
                .list();
    }

    long insert(long seriesId, int version, String title, String description, String regionCode, String regionPrefix, String by) {
        long id = nextId();
        if (seriesId == 0) {
            seriesId = id;
        }
        jdbc.sql("""
                        insert into survey (id, series_id, version, title, description, region_code, region_prefix, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, seriesId, version, title, description, regionCode, regionPrefix, by).update();
        return id;
    }

    private long nextId() {
        return jdbc.sql("select nextval(pg_get_serial_sequence('survey', 'id'))").query(Long.class).single();
    }

    boolean updateHeader(long id, String title, String description, String regionCode, String regionPrefix) {
        return jdbc.sql("""
                        update survey set title = ?, description = ?, region_code = ?, region_prefix = ?
                         where id = ? and status = 'DRAFT'""")
                .params(title, description, regionCode, regionPrefix, id).update() > 0;
    }

    /** Replaces a draft's questions (a draft has no responses). */
    void replaceQuestions(long surveyId, List<QuestionDraft> questions) {
        jdbc.sql("delete from survey_option where question_id in (select id from survey_question where survey_id = ?)").param(surveyId).update();
        jdbc.sql("delete from survey_question where survey_id = ?").param(surveyId).update();
        for (int i = 0; i < questions.size(); i++) {
            QuestionDraft q = questions.get(i);
            long qid = jdbc.sql("insert into survey_question (survey_id, position, kind, text, required) values (?, ?, ?, ?, ?) returning id")
                    .params(surveyId, i + 1, q.kind().name(), q.text(), q.required()).query(Long.class).single();
            for (int j = 0; j < q.options().size(); j++) {
                jdbc.sql("insert into survey_option (question_id, position, label) values (?, ?, ?)")
                        .params(qid, j + 1, q.options().get(j)).update();
            }
        }
    }

    /** Publishes a draft and closes the series' other published versions. */
    boolean publish(long id, long seriesId) {
        if (jdbc.sql("update survey set status = 'PUBLISHED', published_at = now() where id = ? and status = 'DRAFT'").param(id).update() == 0) {
            return false;
        }
        jdbc.sql("update survey set status = 'CLOSED', closed_at = now() where series_id = ? and id <> ? and status = 'PUBLISHED'")
                .params(seriesId, id).update();
        return true;
    }

    boolean close(long id) {
        return jdbc.sql("update survey set status = 'CLOSED', closed_at = now() where id = ? and status = 'PUBLISHED'").param(id).update() > 0;
    }

    int maxVersion(long seriesId) {
        return jdbc.sql("select max(version) from survey where series_id = ?").param(seriesId).query(Integer.class).single();
    }

    boolean hasDraft(long seriesId) {
        return jdbc.sql("select count(*) from survey where series_id = ? and status = 'DRAFT'").param(seriesId).query(Long.class).single() > 0;
    }

    // --- responses

    /** Serialises responses for one elder and questionnaire (two operators answering at once). */
    void lockElderResponses(long surveyId, long elderId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('survey:' || ? || ':' || ?, 0))").params(surveyId, elderId)
                .query((ResultSet rs) -> {
                });
    }

    /** Marks the elder's current response as replaced; true when there was one. */
    boolean retireCurrent(long surveyId, long elderId) {
        return jdbc.sql("update survey_response set current = false, replaced_at = now() where survey_id = ? and elder_id = ? and current")
                .params(surveyId, elderId).update() > 0;
    }

    long insertResponse(long surveyId, long elderId, String regionCode, String[] categories, boolean advancedAge,
                        ResponseChannel channel, String by, List<AnswerRow> answers) {
        long id = jdbc.sql("""
                        insert into survey_response (survey_id, elder_id, region_code, categories, advanced_age, channel, answered_by)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(surveyId, elderId, regionCode, categories, advancedAge, channel.name(), by).query(Long.class).single();
        insertAnswers(List.of(id), List.of(answers));
        return id;
    }

    /** Answers of many responses at once (demo seeding). */
    void insertAnswers(List<Long> responseIds, List<List<AnswerRow>> answers) {
        List<Long> rid = new ArrayList<>();
        List<Long> qid = new ArrayList<>();
        List<Long> oid = new ArrayList<>();
        List<Integer> scale = new ArrayList<>();
        List<String> text = new ArrayList<>();
        for (int i = 0; i < responseIds.size(); i++) {
            for (AnswerRow a : answers.get(i)) {
                rid.add(responseIds.get(i));
                qid.add(a.questionId());
                oid.add(a.optionId());
                scale.add(a.scale());
                text.add(a.text());
            }
        }
        if (rid.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into survey_answer (response_id, question_id, option_id, scale, text)
                        select * from unnest(cast(:r as bigint[]), cast(:q as bigint[]), cast(:o as bigint[]), cast(:s as smallint[]),
                                             cast(:t as text[]))""")
                .param("r", rid.toArray(Long[]::new)).param("q", qid.toArray(Long[]::new)).param("o", oid.toArray(Long[]::new))
                .param("s", scale.toArray(Integer[]::new)).param("t", text.toArray(String[]::new))
                .update();
    }

    /** Many responses at once (demo seeding); returns their ids in order. */
    List<Long> insertResponses(long surveyId, List<Long> elderIds, List<String> regions, List<String> categories,
                               List<Boolean> advanced, List<String> channels, List<String> by, List<Instant> at) {
        return jdbc.sql("""
                        insert into survey_response (survey_id, elder_id, region_code, categories, advanced_age, channel, answered_by, answered_at)
                        select :survey, u.e, u.r, cast(u.c as text[]), u.a, u.ch, u.b, u.t
                          from unnest(cast(:e as bigint[]), cast(:r as text[]), cast(:c as text[]), cast(:a as boolean[]),
                                      cast(:ch as text[]), cast(:b as text[]), cast(:t as timestamptz[])) with ordinality
                               as u(e, r, c, a, ch, b, t, n)
                         order by u.n
                        returning id""")
                .param("survey", surveyId).param("e", elderIds.toArray(Long[]::new)).param("r", regions.toArray(String[]::new))
                .param("c", categories.toArray(String[]::new)).param("a", advanced.toArray(Boolean[]::new))
                .param("ch", channels.toArray(String[]::new)).param("b", by.toArray(String[]::new))
                .param("t", at.stream().map(Instant::toString).toArray(String[]::new))
                .query(Long.class).list();
    }

    Optional<SurveyResponse> currentResponse(DataScope scope, long surveyId, long elderId) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("survey", surveyId).addValue("elder", elderId);
        return named.query("select " + RESPONSE + " from survey_response r where r.survey_id = :survey and r.elder_id = :elder and r.current and "
                + responsesVisible(scope, p), p, (rs, n) -> responseRow(rs)).stream().findFirst().map(this::withAnswers);
    }

    Optional<SurveyResponse> response(DataScope scope, long surveyId, long responseId) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("survey", surveyId).addValue("id", responseId);
        return named.query("select " + RESPONSE + " from survey_response r where r.survey_id = :survey and r.id = :id and "
                + responsesVisible(scope, p), p, (rs, n) -> responseRow(rs)).stream().findFirst().map(this::withAnswers);
    }

    private static final String RESPONSE = "r.id, r.survey_id, r.elder_id, r.region_code, r.channel, r.answered_by, r.answered_at, r.current";

    private static SurveyResponse responseRow(ResultSet rs) throws SQLException {
        return new SurveyResponse(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), ResponseChannel.valueOf(rs.getString(5)),
                rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getBoolean(8), List.of());
    }

    private SurveyResponse withAnswers(SurveyResponse r) {
        Map<Long, List<Long>> options = new LinkedHashMap<>();
        Map<Long, Integer> scales = new HashMap<>();
        Map<Long, String> texts = new HashMap<>();
        jdbc.sql("select question_id, option_id, scale, text from survey_answer where response_id = ? order by question_id, option_id")
                .param(r.id())
                .query((ResultSet rs) -> {
                    long q = rs.getLong(1);
                    options.computeIfAbsent(q, k -> new ArrayList<>());
                    long o = rs.getLong(2);
                    if (!rs.wasNull()) {
                        options.get(q).add(o);
                    }
                    int s = rs.getInt(3);
                    if (!rs.wasNull()) {
                        scales.put(q, s);
                    }
                    String t = rs.getString(4);
                    if (t != null) {
                        texts.put(q, t);
                    }
                });
        List<SurveyResponse.Answer> answers = options.entrySet().stream()
                .map(e -> new SurveyResponse.Answer(e.getKey(), e.getValue(), scales.get(e.getKey()), texts.get(e.getKey()))).toList();
        return new SurveyResponse(r.id(), r.surveyId(), r.elderId(), r.regionCode(), r.channel(), r.answeredBy(), r.answeredAt(),
                r.current(), answers);
    }

    // --- results

    /** The filter of the results: the responses of a survey, current, within the scope, region and category. */
    record ResultFilter(long surveyId, DataScope scope, String regionPrefix, String category, boolean advancedAge) {
    }

    private static String where(ResultFilter f, MapSqlParameterSource p) {
        p.addValue("survey", f.surveyId());
        StringBuilder w = new StringBuilder("r.survey_id = :survey and r.current and (" + responsesVisible(f.scope(), p) + ")");
        if (f.regionPrefix() != null) {
            w.append(" and r.region_code like :regionPrefix");
            p.addValue("regionPrefix", f.regionPrefix() + "%");
        }
        if (f.category() != null) {
            w.append(" and r.categories @> array[cast(:category as text)]");
            p.addValue("category", f.category());
        }
        if (f.advancedAge()) {
            w.append(" and r.advanced_age");
        }
        return w.toString();
    }

    long respondents(ResultFilter f) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        Long n = named.queryForObject("select count(*) from survey_response r where " + where(f, p), p, Long.class);
        return n == null ? 0 : n;
    }

    /** Per question: respondents who answered it. */
    Map<Long, Long> answeredPerQuestion(ResultFilter f) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        Map<Long, Long> out = new HashMap<>();
        named.query("select a.question_id, count(distinct a.response_id) from survey_answer a join survey_response r on r.id = a.response_id where "
                + where(f, p) + " group by 1", p, (ResultSet rs) -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                });
        return out;
    }

    /** Per question and option id (or scale value): how many chose it. */
    Map<Long, Map<Long, Long>> choiceCounts(ResultFilter f) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        Map<Long, Map<Long, Long>> out = new HashMap<>();
        named.query("select a.question_id, coalesce(a.option_id, a.scale), count(*) from survey_answer a join survey_response r on r.id = a.response_id where "
                + where(f, p) + " and (a.option_id is not null or a.scale is not null) group by 1, 2", p, (ResultSet rs) -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getLong(2), rs.getLong(3));
                });
        return out;
    }

    /** The latest texts of each text question. */
    Map<Long, List<String>> latestTexts(ResultFilter f, int perQuestion) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("n", perQuestion);
        Map<Long, List<String>> out = new HashMap<>();
        named.query("""
                select question_id, text from (
                  select a.question_id, a.text, row_number() over (partition by a.question_id order by r.answered_at desc, r.id desc) as k
                    from survey_answer a join survey_response r on r.id = a.response_id
                   where """ + " " + where(f, p) + """
                      and a.text is not null) t
                 where k <= :n order by question_id, k""", p, (ResultSet rs) -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return out;
    }

    /** One question's counts per group key (a region-code prefix of {@code digits}, or each category) and option (or scale value). */
    Map<String, Map<Long, Long>> breakdownCounts(ResultFilter f, long questionId, Integer digits) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("question", questionId).addValue("digits", digits);
        Map<String, Map<Long, Long>> out = new HashMap<>();
        named.query("select " + groupKey(digits) + ", coalesce(a.option_id, a.scale), count(*) from survey_answer a "
                + "join survey_response r on r.id = a.response_id" + categoryJoin(digits) + " where " + where(f, p)
                + " and a.question_id = :question and (a.option_id is not null or a.scale is not null) group by 1, 2", p, (ResultSet rs) -> {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getLong(2), rs.getLong(3));
                });
        return out;
    }

    /** One question's respondents per group key. */
    Map<String, Long> breakdownAnswered(ResultFilter f, long questionId, Integer digits) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("question", questionId).addValue("digits", digits);
        Map<String, Long> out = new HashMap<>();
        named.query("select " + groupKey(digits) + ", count(distinct r.id) from survey_answer a "
                + "join survey_response r on r.id = a.response_id" + categoryJoin(digits) + " where " + where(f, p)
                + " and a.question_id = :question group by 1", p, (ResultSet rs) -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    private static String groupKey(Integer digits) {
        return digits == null ? "c.cat" : "left(r.region_code, :digits)";
    }

    /** By category: each response counts once per category it had (and once more for 80+). */
    private static String categoryJoin(Integer digits) {
        return digits != null ? "" : " cross join lateral unnest(r.categories || case when r.advanced_age "
                + "then array['ADVANCED_AGE'] else cast(array[] as text[]) end) as c(cat)";
    }

    // --- mapping

    private static Header header(ResultSet rs) throws SQLException {
        return new Header(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                SurveyStatus.valueOf(rs.getString(8)), rs.getString(9), rs.getTimestamp(10).toInstant(), instant(rs.getTimestamp(11)),
                instant(rs.getTimestamp(12)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
