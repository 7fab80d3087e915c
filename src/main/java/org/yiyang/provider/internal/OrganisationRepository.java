package org.yiyang.provider.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiyang.provider.ProviderKind;
import org.yiyang.provider.ProviderOrganisation;
import org.yiyang.provider.ProviderStatus;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.PageQuery;
import org.yiyang.shared.PageResult;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.UnifiedSocialCreditCode;

@Repository
class OrganisationRepository {

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A search already validated: {@code regionPrefix} digits or null. */
    record Criteria(String q, String regionPrefix, ProviderKind kind, ProviderStatus status) {
    }

    Optional<ProviderOrganisation> find(long id, DataScope scope) {
        return jdbc.sql(select(scope) + " and o.id = :id")
                .param("id", id)
                .query(OrganisationRepository::map).optional();
    }

    PageResult<ProviderOrganisation> search(Criteria c, PageQuery page, DataScope scope) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        if (c.q() != null && !c.q().isBlank()) {
            where.append(" and (o.name ilike '%' || :q || '%' or o.uscc = upper(:exact))");
            params.put("q", ScopeSql.likeText(c.q()));
            params.put("exact", c.q().trim());
        }
        if (c.regionPrefix() != null) {
            where.append(" and o.region_code like :region || '%'");
            params.put("region", c.regionPrefix());
        }
        if (c.kind() != null) {
            where.append(" and o.kind = :kind");
            params.put("kind", c.kind().name());
        }
        if (c.status() != null) {
            where.append(" and o.status = :status");
            params.put("status", c.status().name());
        }
        long total = jdbc.sql("select count(*) from provider_org o where " + ScopeSql.organisations(scope) + where)
                .params(params).query(Long.class).single();
        List<ProviderOrganisation> items = jdbc.sql(select(scope) + where + " order by o.region_code, o.name, o.id limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(OrganisationRepository::map).list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    Optional<Long> idOfUscc(String uscc) {
        return jdbc.sql("select id from provider_org where uscc = :uscc").param("uscc", uscc).query(Long.class).optional();
    }

    long insert(Values v) {
        return jdbc.sql("""
                        insert into provider_org (name, uscc, kind, region_code, address, contact_name, contact_phone, status)
                        values (:name, :uscc, :kind, :region, :address, :contactName, :contactPhone, :status)
                        returning id""")
                .params(v.params()).query(Long.class).single();
    }

    /** Whether the row was changed; false when the version no longer matches. */
    boolean update(long id, Integer expectedVersion, Values v) {
        return jdbc.sql("""
                        update provider_org set name = :name, uscc = :uscc, kind = :kind, region_code = :region,
                            address = :address, contact_name = :contactName, contact_phone = :contactPhone,
                            status = :status, version = version + 1, updated_at = now()
                        where id = :id and (cast(:version as int) is null or version = :version)""")
                .params(v.params()).param("id", id).param("version", expectedVersion).update() == 1;
    }

    record Values(String name, String uscc, ProviderKind kind, RegionCode region, String address, String contactName,
                  String contactPhone, ProviderStatus status) {
        Map<String, Object> params() {
            Map<String, Object> m = new HashMap<>();
            m.put("name", name);
            m.put("uscc", uscc);
            m.put("kind", kind.name());
            m.put("region", region.value());
            m.put("address", address);
            m.put("contactName", contactName);
            m.put("contactPhone", contactPhone);
            m.put("status", status.name());
            return m;
        }
    }

    private static String select(DataScope scope) {
        return """
                select o.id, o.name, o.uscc, o.kind, o.region_code, o.address, o.contact_name, o.contact_phone,
                       o.status, o.version,
                       (select count(*) from facility f where f.provider_id = o.id and %s) as facility_count
                from provider_org o
                where %s""".formatted(ScopeSql.facilities(scope), ScopeSql.organisations(scope));
    }

    private static ProviderOrganisation map(ResultSet rs, int row) throws SQLException {
        return new ProviderOrganisation(rs.getLong("id"), rs.getString("name"),
                new UnifiedSocialCreditCode(rs.getString("uscc").trim()),
                ProviderKind.valueOf(rs.getString("kind")), new RegionCode(rs.getString("region_code").trim()),
                rs.getString("address"), rs.getString("contact_name"), rs.getString("contact_phone"),
                ProviderStatus.valueOf(rs.getString("status")), rs.getInt("version"), rs.getInt("facility_count"));
    }
}
