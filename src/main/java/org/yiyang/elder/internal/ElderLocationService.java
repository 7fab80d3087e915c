package org.yiyang.elder.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.elder.ElderAge;
import org.yiyang.elder.ElderCategory;
import org.yiyang.elder.ElderLocations;
import org.yiyang.elder.ElderStatus;
import org.yiyang.elder.ElderSummary;
import org.yiyang.elder.LivingSituation;
import org.yiyang.elder.LocatedElder;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.Sex;

/** Elders as points (see {@link ElderLocations}); the summaries are scoped in SQL like the registry's. */
@Service
class ElderLocationService implements ElderLocations {

    /** The primary address (the registry marks exactly one per elder: the chosen one, or the first). */
    private static final String LOCATED = """
            select e.id, e.region_code, e.categories, e.living_situation, e.birth_date, a.lat, a.lng
            from elder e
            join elder_address a on a.elder_id = e.id and a.is_primary
            where e.status = 'ACTIVE'
            """;

    private final NamedParameterJdbcTemplate named;
    /** Fetches in chunks (inside the read-only transaction PostgreSQL streams with a cursor). */
    private final NamedParameterJdbcTemplate streaming;
    private final RegionDirectory regions;
    private final Clock clock;

    ElderLocationService(NamedParameterJdbcTemplate named, DataSource dataSource, RegionDirectory regions,
                         ObjectProvider<Clock> clock) {
        this.named = named;
        JdbcTemplate chunked = new JdbcTemplate(dataSource);
        chunked.setFetchSize(5_000);
        this.streaming = new NamedParameterJdbcTemplate(chunked);
        this.regions = regions;
        this.clock = clock.getIfAvailable(() -> Clock.system(ElderRegistryService.CHINA));
    }

    @Override
    @Transactional(readOnly = true)
    public void forEachActive(Consumer<LocatedElder> consumer) {
        streaming.query(LOCATED + " order by e.id", new MapSqlParameterSource(),
                (RowCallbackHandler) rs -> consumer.accept(located(rs)));
    }

    @Override
    @Transactional(readOnly = true)
    public List<LocatedElder> findActive(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return named.query(LOCATED + " and e.id = any(:ids) order by e.id",
                new MapSqlParameterSource("ids", ids.toArray(Long[]::new)), (rs, n) -> located(rs));
    }

    @Override
    @Transactional(readOnly = true)
    public List<ElderSummary> summaries(DataScope scope, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource("ids", ids.toArray(Long[]::new));
        String where = ElderRepository.scopeCondition(scope, params);
        LocalDate today = LocalDate.now(clock);
        Map<String, String> names = new HashMap<>();
        Map<Long, ElderSummary> byId = new HashMap<>();
        named.query("""
                select e.id, e.name, e.sex, e.birth_date, e.id_number_masked, e.phones, e.region_code, e.categories, e.status
                from elder e where e.id = any(:ids) and\s""" + where, params, (RowCallbackHandler) rs -> {
            ElderAge age = ElderAge.on(rs.getDate("birth_date").toLocalDate(), today);
            String region = rs.getString("region_code");
            byId.put(rs.getLong("id"), new ElderSummary(rs.getLong("id"), rs.getString("name"),
                    "M".equals(rs.getString("sex")) ? Sex.MALE : Sex.FEMALE, age.years(), age.isAdvanced(),
                    rs.getString("id_number_masked"),
                    strings(rs.getArray("phones")).stream().map(ElderRegistryService::masked).toList(), region,
                    names.computeIfAbsent(region, this::regionName), categories(strings(rs.getArray("categories"))),
                    ElderStatus.valueOf(rs.getString("status"))));
        });
        List<ElderSummary> out = new ArrayList<>(byId.size());
        for (Long id : ids) {
            ElderSummary s = byId.get(id);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private static LocatedElder located(ResultSet rs) throws SQLException {
        return new LocatedElder(rs.getLong("id"), new RegionCode(rs.getString("region_code")),
                new GeoPoint(rs.getDouble("lat"), rs.getDouble("lng")), Set.copyOf(categories(strings(rs.getArray("categories")))),
                LivingSituation.valueOf(rs.getString("living_situation")), rs.getDate("birth_date").toLocalDate());
    }

    private String regionName(String code) {
        return regions.find(RegionCode.of(code)).map(Region::name).orElse(code);
    }

    private static List<ElderCategory> categories(List<String> names) {
        EnumSet<ElderCategory> set = EnumSet.noneOf(ElderCategory.class);
        for (String n : names) {
            ElderCategory.byName(n).ifPresent(set::add);
        }
        return List.copyOf(set);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
