package org.yiyang.provider.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.provider.ServiceItem;
import org.yiyang.provider.ServiceItemCategory;
import org.yiyang.provider.ServiceItemUnit;
import org.yiyang.shared.Money;

@Repository
class ServiceItemRepository {

    private static final String COLUMNS = """
            id, code, name, name_en, category, standard_minutes, price_fen, unit, required_skill, description, active, version
            """;

    /** Orders rows by the catalogue's category order (the enum's), not alphabetically. */
    static final String CATEGORY_ORDER = "array_position(array["
            + java.util.Arrays.stream(ServiceItemCategory.values()).map(c -> "'" + c.name() + "'")
                    .collect(java.util.stream.Collectors.joining(","))
            + "]::text[], category)";

    private final JdbcClient jdbc;

    ServiceItemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ServiceItem> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from service_item where id = ?").param(id).query(this::map).optional();
    }

    Optional<ServiceItem> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from service_item where upper(code) = upper(?)").param(code)
                .query(this::map).optional();
    }

    boolean codeTakenByAnother(String code, Long exceptId) {
        return jdbc.sql("select count(*) from service_item where upper(code) = upper(:code) and (:id::bigint is null or id <> :id)")
                .param("code", code).param("id", exceptId).query(Long.class).single() > 0;
    }

    List<ServiceItem> search(ServiceItemCategory category, String q, Boolean active, int limit, long offset) {
        Map<String, Object> params = new HashMap<>();
        String where = where(category, q, active, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("select " + COLUMNS + " from service_item where " + where
                        + " order by " + CATEGORY_ORDER + ", code limit :limit offset :offset")
                .params(params).query(this::map).list();
    }

    long count(ServiceItemCategory category, String q, Boolean active) {
        Map<String, Object> params = new HashMap<>();
        String where = where(category, q, active, params);
        return jdbc.sql("select count(*) from service_item where " + where).params(params).query(Long.class).single();
    }

    List<ServiceItem> listActive() {
        return jdbc.sql("select " + COLUMNS + " from service_item where active order by " + CATEGORY_ORDER + ", code")
                .query(this::map).list();
    }

    long insert(ServiceItemDraft d) {
        return jdbc.sql("""
                        insert into service_item (code, name, name_en, category, standard_minutes, price_fen, unit,
                                                  required_skill, description, active)
                        values (:code, :name, :nameEn, :category, :minutes, :fen, :unit, :skill, :description, :active)
                        returning id
                        """)
                .params(params(d)).query(Long.class).single();
    }

    /** Updates the item if it still has the expected version (null: any); false when it has changed meanwhile. */
    boolean update(long id, ServiceItemDraft d, Integer expectedVersion) {
        Map<String, Object> p = params(d);
        p.put("id", id);
        p.put("version", expectedVersion);
        return jdbc.sql("""
                        update service_item set code = :code, name = :name, name_en = :nameEn, category = :category,
                               standard_minutes = :minutes, price_fen = :fen, unit = :unit, required_skill = :skill,
                               description = :description, active = :active, updated_at = now(), version = version + 1
                         where id = :id and (:version::int is null or version = :version)
                        """)
                .params(p).update() == 1;
    }

    private static Map<String, Object> params(ServiceItemDraft d) {
        Map<String, Object> p = new HashMap<>();
        p.put("code", d.code());
        p.put("name", d.name());
        p.put("nameEn", d.nameEn());
        p.put("category", d.category().name());
        p.put("minutes", d.standardMinutes());
        p.put("fen", d.price().fen());
        p.put("unit", d.unit().name());
        p.put("skill", d.requiredSkill() == null ? null : d.requiredSkill().name());
        p.put("description", d.description());
        p.put("active", d.active());
        return p;
    }

    private static String where(ServiceItemCategory category, String q, Boolean active, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        conditions.add("true");
        if (category != null) {
            conditions.add("category = :category");
            params.put("category", category.name());
        }
        if (q != null && !q.isBlank()) {
            conditions.add("(name ilike :q or name_en ilike :q or code ilike :q)");
            params.put("q", "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (active != null) {
            conditions.add("active = :active");
            params.put("active", active);
        }
        return String.join(" and ", conditions);
    }

    private ServiceItem map(ResultSet rs, int row) throws SQLException {
        String skill = rs.getString("required_skill");
        return new ServiceItem(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
                ServiceItemCategory.valueOf(rs.getString("category")), rs.getInt("standard_minutes"),
                Money.ofFen(rs.getLong("price_fen")), ServiceItemUnit.valueOf(rs.getString("unit")),
                skill == null ? null : CaregiverSkill.valueOf(skill), rs.getString("description"), rs.getBoolean("active"),
                rs.getInt("version"));
    }
}
