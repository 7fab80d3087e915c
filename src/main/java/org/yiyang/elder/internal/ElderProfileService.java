package org.yiyang.elder.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.elder.ElderCategory;
import org.yiyang.elder.ElderProfile;
import org.yiyang.elder.ElderProfiles;
import org.yiyang.elder.ElderStatus;
import org.yiyang.shared.DataScope;

/** Profiles straight from the elder table, scoped with the registry's own condition. */
@Service
class ElderProfileService implements ElderProfiles {

    private static final String COLUMNS = "e.id, e.region_code, e.birth_date, e.categories, e.status";

    private final NamedParameterJdbcTemplate named;

    ElderProfileService(NamedParameterJdbcTemplate named) {
        this.named = named;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ElderProfile> page(DataScope scope, long afterId, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("after", afterId).addValue("limit", limit);
        return named.query("select " + COLUMNS + " from elder e where e.id > :after and ("
                + ElderRepository.scopeCondition(scope, params) + ") order by e.id limit :limit", params, (rs, n) -> profile(rs));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ElderProfile> find(DataScope scope, long id) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", id);
        return named.query("select " + COLUMNS + " from elder e where e.id = :id and ("
                + ElderRepository.scopeCondition(scope, params) + ")", params, (rs, n) -> profile(rs)).stream().findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ElderProfile> findAll(DataScope scope, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource("ids", ids.stream().mapToLong(Long::longValue).toArray());
        return named.query("select " + COLUMNS + " from elder e where e.id = any(cast(:ids as bigint[])) and ("
                + ElderRepository.scopeCondition(scope, params) + ") order by e.id", params, (rs, n) -> profile(rs));
    }

    private static ElderProfile profile(ResultSet rs) throws SQLException {
        List<ElderCategory> categories = new ArrayList<>();
        for (String name : (String[]) rs.getArray("categories").getArray()) {
            ElderCategory.byName(name).ifPresent(categories::add);
        }
        return new ElderProfile(rs.getLong("id"), rs.getString("region_code"), rs.getDate("birth_date").toLocalDate(),
                categories, ElderStatus.valueOf(rs.getString("status")));
    }
}
