package org.yiyang.provider.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiyang.provider.Facility;
import org.yiyang.provider.FacilityStandard;
import org.yiyang.provider.FacilityStatus;
import org.yiyang.provider.FacilityType;
import org.yiyang.provider.StandardCheck;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;
import org.yiyang.shared.RegionCode;

/**
 * Facilities with the standard that applies to each (the longest matching region prefix of its
 * type), so "below standard" is computed — and can be filtered — in the query itself.
 */
@Repository
class FacilityRepository {

    /** The applicable rule per facility: longest prefix of the facility's region code wins. */
    private static final String FROM = """
            from facility f
            left join provider_org o on o.id = f.provider_id
            left join lateral (
                select s.id, s.region_prefix, s.min_area_m2, s.min_beds, s.source
                from facility_standard s
                where s.type = f.type and f.region_code like s.region_prefix || '%'
                order by length(s.region_prefix) desc
                limit 1) s on true
            """;

    /** Must agree with {@link FacilityStandard#shortfalls}: an unrecorded measure that a rule requires is lacking. */
    private static final String BELOW = """
            (s.id is not null and (
                (s.min_area_m2 is not null and (f.floor_area_m2 is null or f.floor_area_m2 < s.min_area_m2))
                or (s.min_beds is not null and (f.beds is null or f.beds < s.min_beds))))""";

    private static final String COLUMNS = """
            select f.id, f.provider_id, o.name as provider_name, f.name, f.type, f.region_code, f.address, f.lat, f.lng,
                   f.floor_area_m2, f.beds, f.opening_hours, f.phone, f.status, f.version,
                   s.id as std_id, s.region_prefix as std_prefix, s.min_area_m2 as std_area, s.min_beds as std_beds,
                   s.source as std_source
            """;

    private final JdbcClient jdbc;

    FacilityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A search already validated: {@code regionPrefix} digits or null. */
    record Criteria(String q, String regionPrefix, FacilityType type, Boolean belowStandard, Long providerId) {
    }

    Optional<Facility> find(long id, DataScope scope) {
        return jdbc.sql(COLUMNS + FROM + "where " + ScopeSql.facilities(scope) + " and f.id = :id")
                .param("id", id).query(FacilityRepository::map).optional();
    }

    PageResult<Facility> search(Criteria c, PageQuery page, DataScope scope) {
        StringBuilder where = new StringBuilder("where ").append(ScopeSql.facilities(scope));
        Map<String, Object> params = new HashMap<>();
        if (c.q() != null && !c.q().isBlank()) {
            where.append(" and (f.name ilike '%' || :q || '%' or f.address ilike '%' || :q || '%')");
            params.put("q", ScopeSql.likeText(c.q()));
        }
        if (c.regionPrefix() != null) {
            where.append(" and f.region_code like :region || '%'");
            params.put("region", c.regionPrefix());
        }
        if (c.type() != null) {
            where.append(" and f.type = :type");
            params.put("type", c.type().name());
        }
        if (c.providerId() != null) {
            where.append(" and f.provider_id = :provider");
            params.put("provider", c.providerId());
        }
        if (c.belowStandard() != null) {
            where.append(c.belowStandard() ? " and " : " and not ").append(BELOW);
        }
        long total = jdbc.sql("select count(*) " + FROM + where).params(params).query(Long.class).single();
        List<Facility> items = jdbc.sql(COLUMNS + FROM + where + " order by f.region_code, f.type, f.name, f.id limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(FacilityRepository::map).list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    long insert(Values v) {
        return jdbc.sql("""
                        insert into facility (provider_id, name, type, region_code, address, lat, lng, floor_area_m2, beds,
                                              opening_hours, phone, status)
                        values (:provider, :name, :type, :region, :address, :lat, :lng, :area, :beds, :hours, :phone, :status)
                        returning id""")
                .params(v.params()).query(Long.class).single();
    }

    /** Whether the row was changed; false when the version no longer matches. */
    boolean update(long id, Integer expectedVersion, Values v) {
        return jdbc.sql("""
                        update facility set provider_id = :provider, name = :name, type = :type, region_code = :region,
                            address = :address, lat = :lat, lng = :lng, floor_area_m2 = :area, beds = :beds,
                            opening_hours = :hours, phone = :phone, status = :status,
                            version = version + 1, updated_at = now()
                        where id = :id and (cast(:version as int) is null or version = :version)""")
                .params(v.params()).param("id", id).param("version", expectedVersion).update() == 1;
    }

    record Values(Long providerId, String name, FacilityType type, RegionCode region, String address, GeoPoint location,
                  BigDecimal floorAreaM2, Integer beds, String openingHours, String phone, FacilityStatus status) {
        Map<String, Object> params() {
            Map<String, Object> m = new HashMap<>();
            m.put("provider", providerId);
            m.put("name", name);
            m.put("type", type.name());
            m.put("region", region.value());
            m.put("address", address);
            m.put("lat", location.lat());
            m.put("lng", location.lng());
            m.put("area", floorAreaM2);
            m.put("beds", beds);
            m.put("hours", openingHours);
            m.put("phone", phone);
            m.put("status", status.name());
            return m;
        }
    }

    private static Facility map(ResultSet rs, int row) throws SQLException {
        FacilityType type = FacilityType.valueOf(rs.getString("type"));
        Facility.Size size = new Facility.Size(rs.getBigDecimal("floor_area_m2"), (Integer) rs.getObject("beds"));
        FacilityStandard rule = null;
        long ruleId = rs.getLong("std_id");
        if (!rs.wasNull()) {
            rule = new FacilityStandard(ruleId, rs.getString("std_prefix"), type, rs.getBigDecimal("std_area"),
                    (Integer) rs.getObject("std_beds"), rs.getString("std_source"));
        }
        long providerId = rs.getLong("provider_id");
        return new Facility(rs.getLong("id"), rs.wasNull() ? null : providerId, rs.getString("provider_name"),
                rs.getString("name"), type, new RegionCode(rs.getString("region_code").trim()), rs.getString("address"),
                new GeoPoint(rs.getDouble("lat"), rs.getDouble("lng")), size, rs.getString("opening_hours"),
                rs.getString("phone"), FacilityStatus.valueOf(rs.getString("status")), rs.getInt("version"),
                StandardCheck.of(rule, size));
    }
}
