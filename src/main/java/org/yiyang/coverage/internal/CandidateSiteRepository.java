package org.yiyang.coverage.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.GeoPoint;

/**
 * The candidate sites the bureau lists. Every statement carries the caller's region condition
 * ({@link DataScope#regionPredicate}), so a site outside it is neither read nor changed.
 */
@Repository
class CandidateSiteRepository {

    private static final String COLUMNS = """
            select s.id, s.region_code, s.name, s.address, s.lat, s.lng, s.note, s.capacity, s.floor_area_m2,
                   s.version, s.updated_at
              from coverage_candidate_site s
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    CandidateSiteRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** A row as stored. */
    record Row(long id, String regionCode, String name, String address, GeoPoint location, String note, Integer capacity,
               BigDecimal floorAreaM2, int version, java.time.Instant updatedAt) {
    }

    /** A checked site to store. */
    record Fields(String regionCode, String name, String address, GeoPoint location, String note, Integer capacity,
                  BigDecimal floorAreaM2) {
    }

    Optional<Row> find(DataScope scope, long id) {
        return jdbc.sql(COLUMNS + " where s.id = :id and " + scope.regionPredicate("s.region_code"))
                .param("id", id).query(CandidateSiteRepository::row).optional();
    }

    /** {@code regionPrefix}: digits or null; {@code q}: text or null. */
    List<Row> search(DataScope scope, String q, String regionPrefix, int limit, long offset) {
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, q, regionPrefix, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return named.query(COLUMNS + where + " order by s.region_code, s.name, s.id limit :limit offset :offset",
                params, (rs, n) -> row(rs, n));
    }

    long count(DataScope scope, String q, String regionPrefix) {
        Map<String, Object> params = new HashMap<>();
        Long n = named.queryForObject("select count(*) from coverage_candidate_site s " + where(scope, q, regionPrefix, params),
                params, Long.class);
        return n == null ? 0 : n;
    }

    private static String where(DataScope scope, String q, String regionPrefix, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where ").append(scope.regionPredicate("s.region_code"));
        if (regionPrefix != null) {
            where.append(" and s.region_code like :region || '%'");
            params.put("region", regionPrefix);
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (s.name ilike '%' || :q || '%' or s.address ilike '%' || :q || '%')");
            params.put("q", q.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
        }
        return where.toString();
    }

    /** The sites of a region (for a plan), at most {@code limit}, in id order. */
    List<Row> inRegion(DataScope scope, String regionPrefix, int limit) {
        return jdbc.sql(COLUMNS + " where " + scope.regionPredicate("s.region_code")
                        + " and s.region_code like :region || '%' order by s.id limit :limit")
                .param("region", regionPrefix).param("limit", limit).query(CandidateSiteRepository::row).list();
    }

    long insert(Fields f, String createdBy) {
        return jdbc.sql("""
                        insert into coverage_candidate_site (region_code, name, address, lat, lng, note, capacity, floor_area_m2, created_by)
                        values (:region, :name, :address, :lat, :lng, :note, :capacity, :area, :by) returning id""")
                .params(params(f)).param("by", createdBy).query(Long.class).single();
    }

    void insertAll(List<Fields> all, String createdBy) {
        MapSqlParameterSource[] batch = all.stream().map(f -> {
            MapSqlParameterSource p = new MapSqlParameterSource(params(f));
            p.addValue("by", createdBy);
            return p;
        }).toArray(MapSqlParameterSource[]::new);
        named.batchUpdate("""
                insert into coverage_candidate_site (region_code, name, address, lat, lng, note, capacity, floor_area_m2, created_by)
                values (:region, :name, :address, :lat, :lng, :note, :capacity, :area, :by)""", batch);
    }

    /** Updates the site if it is within the scope; {@code version}: the version the change was made on, or null. */
    int update(DataScope scope, long id, Fields f, Integer version) {
        return jdbc.sql("""
                        update coverage_candidate_site s
                           set region_code = :region, name = :name, address = :address, lat = :lat, lng = :lng, note = :note,
                               capacity = :capacity, floor_area_m2 = :area, updated_at = now(), version = s.version + 1
                         where s.id = :id and (cast(:version as int) is null or s.version = :version) and """
                        + " " + scope.regionPredicate("s.region_code"))
                .params(params(f)).param("id", id).param("version", version).update();
    }

    int delete(DataScope scope, long id) {
        return jdbc.sql("delete from coverage_candidate_site s where s.id = :id and " + scope.regionPredicate("s.region_code"))
                .param("id", id).update();
    }

    private static Map<String, Object> params(Fields f) {
        Map<String, Object> p = new HashMap<>();
        p.put("region", f.regionCode());
        p.put("name", f.name());
        p.put("address", f.address());
        p.put("lat", f.location().lat());
        p.put("lng", f.location().lng());
        p.put("note", f.note());
        p.put("capacity", f.capacity());
        p.put("area", f.floorAreaM2());
        return p;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        int capacity = rs.getInt("capacity");
        Integer cap = rs.wasNull() ? null : capacity;
        return new Row(rs.getLong("id"), rs.getString("region_code"), rs.getString("name"), rs.getString("address"),
                new GeoPoint(rs.getDouble("lat"), rs.getDouble("lng")), rs.getString("note"), cap,
                rs.getBigDecimal("floor_area_m2"), rs.getInt("version"), rs.getTimestamp("updated_at").toInstant());
    }
}
