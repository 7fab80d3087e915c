package org.yiyang.coverage.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiyang.coverage.CandidateSource;
import org.yiyang.coverage.SitingPlan;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.GeoPoint;

/** Saved site plans and their chosen sites; reads and deletes carry the caller's region condition. */
@Repository
class SitingPlanRepository {

    private static final String HEADER = """
            select p.id, p.title, p.region_code, p.type, p.k, p.source, p.method, p.candidates, p.travel_model,
                   p.urban_minutes, p.village_meters, p.elders, p.covered_before, p.covered_after, p.weight,
                   p.covered_weight_before, p.covered_weight_after, p.created_by, p.created_by_name, p.created_at,
                   (select count(*) from coverage_site_plan_site s where s.plan_id = p.id) as site_count
              from coverage_site_plan p
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    SitingPlanRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** A plan's own row. */
    record Header(long id, String title, String regionCode, String type, int k, CandidateSource source, String method,
                  int candidates, SitingPlan.Rules rules, SitingPlan.Totals totals, String createdBy, String createdByName,
                  Instant createdAt, int siteCount) {
    }

    /** A chosen site as stored. */
    record SiteRow(int rank, String key, Long candidateSiteId, String name, String address, String regionCode,
                   GeoPoint location, double marginalGain, int newlyCovered) {
    }

    long insert(Header h, List<SiteRow> sites) {
        SitingPlan.Totals t = h.totals();
        long id = jdbc.sql("""
                        insert into coverage_site_plan (region_code, type, k, source, title, method, candidates, travel_model,
                            urban_minutes, village_meters, elders, covered_before, covered_after, weight,
                            covered_weight_before, covered_weight_after, created_by, created_by_name)
                        values (:region, :type, :k, :source, :title, :method, :candidates, :travel, :minutes, :meters, :elders,
                            :before, :after, :weight, :weightBefore, :weightAfter, :by, :byName)
                        returning id""")
                .param("region", h.regionCode()).param("type", h.type()).param("k", h.k()).param("source", h.source().name())
                .param("title", h.title()).param("method", h.method()).param("candidates", h.candidates())
                .param("travel", h.rules().travelModel()).param("minutes", h.rules().urbanMinutes())
                .param("meters", h.rules().villageMeters()).param("elders", t.elders()).param("before", t.coveredBefore())
                .param("after", t.coveredAfter()).param("weight", t.weight()).param("weightBefore", t.coveredWeightBefore())
                .param("weightAfter", t.coveredWeightAfter()).param("by", h.createdBy()).param("byName", h.createdByName())
                .query(Long.class).single();
        MapSqlParameterSource[] batch = sites.stream().map(s -> new MapSqlParameterSource()
                .addValue("plan", id).addValue("rank", s.rank()).addValue("key", s.key())
                .addValue("candidate", s.candidateSiteId()).addValue("name", s.name()).addValue("address", s.address())
                .addValue("region", s.regionCode()).addValue("lat", s.location().lat()).addValue("lng", s.location().lng())
                .addValue("gain", s.marginalGain()).addValue("newly", s.newlyCovered())).toArray(MapSqlParameterSource[]::new);
        named.batchUpdate("""
                insert into coverage_site_plan_site (plan_id, rank, site_key, candidate_site_id, name, address, region_code,
                    lat, lng, marginal_gain, newly_covered)
                values (:plan, :rank, :key, :candidate, :name, :address, :region, :lat, :lng, :gain, :newly)""", batch);
        return id;
    }

    Optional<Header> find(DataScope scope, long id) {
        return jdbc.sql(HEADER + " where p.id = :id and " + scope.regionPredicate("p.region_code"))
                .param("id", id).query(SitingPlanRepository::header).optional();
    }

    List<SiteRow> sites(long planId) {
        return jdbc.sql("""
                        select rank, site_key, candidate_site_id, name, address, region_code, lat, lng, marginal_gain, newly_covered
                          from coverage_site_plan_site where plan_id = :plan order by rank""")
                .param("plan", planId).query((rs, n) -> {
                    long candidate = rs.getLong("candidate_site_id");
                    Long candidateId = rs.wasNull() ? null : candidate;
                    return new SiteRow(rs.getInt("rank"), rs.getString("site_key"), candidateId, rs.getString("name"),
                            rs.getString("address"), rs.getString("region_code"), new GeoPoint(rs.getDouble("lat"), rs.getDouble("lng")),
                            rs.getDouble("marginal_gain"), rs.getInt("newly_covered"));
                }).list();
    }

    /** {@code regionPrefix}: digits or null. Newest first. */
    List<Header> list(DataScope scope, String regionPrefix, int limit, long offset) {
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, regionPrefix, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return new ArrayList<>(named.query(HEADER + where + " order by p.created_at desc, p.id desc limit :limit offset :offset",
                params, (rs, n) -> header(rs, n)));
    }

    long count(DataScope scope, String regionPrefix) {
        Map<String, Object> params = new HashMap<>();
        Long n = named.queryForObject("select count(*) from coverage_site_plan p " + where(scope, regionPrefix, params), params, Long.class);
        return n == null ? 0 : n;
    }

    private static String where(DataScope scope, String regionPrefix, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where ").append(scope.regionPredicate("p.region_code"));
        if (regionPrefix != null) {
            where.append(" and p.region_code like :region || '%'");
            params.put("region", regionPrefix);
        }
        return where.toString();
    }

    int delete(DataScope scope, long id) {
        return jdbc.sql("delete from coverage_site_plan p where p.id = :id and " + scope.regionPredicate("p.region_code"))
                .param("id", id).update();
    }

    private static Header header(ResultSet rs, int n) throws SQLException {
        SitingPlan.Totals totals = SitingPlan.Totals.of(rs.getLong("elders"), rs.getLong("covered_before"), rs.getLong("covered_after"),
                rs.getDouble("weight"), rs.getDouble("covered_weight_before"), rs.getDouble("covered_weight_after"));
        return new Header(rs.getLong("id"), rs.getString("title"), rs.getString("region_code"), rs.getString("type"), rs.getInt("k"),
                CandidateSource.valueOf(rs.getString("source")), rs.getString("method"), rs.getInt("candidates"),
                new SitingPlan.Rules(rs.getString("travel_model"), rs.getDouble("urban_minutes"), rs.getDouble("village_meters")),
                totals, rs.getString("created_by"), rs.getString("created_by_name"), rs.getTimestamp("created_at").toInstant(),
                rs.getInt("site_count"));
    }
}
