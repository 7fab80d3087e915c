package org.yiyang.provider.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiyang.provider.FacilityStandard;
import org.yiyang.provider.FacilityType;

@Repository
class StandardRepository {

    private final JdbcClient jdbc;

    StandardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<FacilityStandard> all() {
        return jdbc.sql("select id, region_prefix, type, min_area_m2, min_beds, source from facility_standard order by region_prefix, type")
                .query(StandardRepository::map).list();
    }

    Optional<FacilityStandard> find(long id) {
        return jdbc.sql("select id, region_prefix, type, min_area_m2, min_beds, source from facility_standard where id = :id")
                .param("id", id).query(StandardRepository::map).optional();
    }

    /** Adds the rule for (prefix, type) or replaces it. */
    long upsert(String prefix, FacilityType type, BigDecimal minArea, Integer minBeds, String source) {
        return jdbc.sql("""
                        insert into facility_standard (region_prefix, type, min_area_m2, min_beds, source)
                        values (:prefix, :type, :area, :beds, :source)
                        on conflict (region_prefix, type) do update
                            set min_area_m2 = excluded.min_area_m2, min_beds = excluded.min_beds, source = excluded.source
                        returning id""")
                .param("prefix", prefix).param("type", type.name()).param("area", minArea).param("beds", minBeds)
                .param("source", source).query(Long.class).single();
    }

    void delete(long id) {
        jdbc.sql("delete from facility_standard where id = :id").param("id", id).update();
    }

    private static FacilityStandard map(ResultSet rs, int row) throws SQLException {
        return new FacilityStandard(rs.getLong("id"), rs.getString("region_prefix"), FacilityType.valueOf(rs.getString("type")),
                rs.getBigDecimal("min_area_m2"), (Integer) rs.getObject("min_beds"), rs.getString("source"));
    }
}
