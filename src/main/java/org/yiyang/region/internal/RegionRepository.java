package org.yiyang.region.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.yiyang.region.Region;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.RegionLevel;

@Repository
class RegionRepository {

    private final JdbcTemplate jdbc;

    RegionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Region> findAllValid() {
        return jdbc.query("""
                select code, name, level, parent_code, urban_rural, lat, lng
                from region where valid_to is null order by code""", RegionRepository::map);
    }

    void insertAll(List<Region> regions) {
        jdbc.batchUpdate("""
                insert into region (code, name, level, parent_code, urban_rural, lat, lng)
                values (?, ?, ?, ?, ?, ?, ?)""", regions, 500, (ps, r) -> {
            ps.setString(1, r.code().value());
            ps.setString(2, r.name());
            ps.setInt(3, r.level().code());
            ps.setString(4, r.parentCode() == null ? null : r.parentCode().value());
            ps.setString(5, r.urbanRural());
            ps.setObject(6, r.centroid() == null ? null : r.centroid().lat());
            ps.setObject(7, r.centroid() == null ? null : r.centroid().lng());
        });
    }

    private static Region map(ResultSet rs, int row) throws SQLException {
        String parent = rs.getString("parent_code");
        double lat = rs.getDouble("lat");
        GeoPoint centroid = rs.wasNull() ? null : new GeoPoint(lat, rs.getDouble("lng"));
        return new Region(new RegionCode(rs.getString("code")), rs.getString("name"),
                RegionLevel.ofCode(rs.getInt("level")), parent == null ? null : new RegionCode(parent),
                centroid, rs.getString("urban_rural"));
    }
}
