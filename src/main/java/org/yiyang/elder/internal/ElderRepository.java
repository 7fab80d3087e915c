package org.yiyang.elder.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiyang.elder.ElderStatus;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.PageQuery;

/**
 * SQL over the elder tables. Every read that a caller can reach takes the caller's scope and puts
 * it into the WHERE clause ({@link #scopeCondition}).
 */
@Repository
class ElderRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    ElderRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** One row of the elder table. */
    record Row(long id, String name, byte[] idNumberEnc, String idNumberMasked, String sex, LocalDate birthDate,
               List<String> phones, String regionCode, String livingSituation, List<String> categories, String status,
               LocalDate statusSince, int version, java.time.Instant createdAt, java.time.Instant updatedAt) {
    }

    record AddressRow(String regionCode, String address, GeoPoint location, boolean primary) {
    }

    record ContactRow(String name, String relation, String phone) {
    }

    record HistoryRow(String status, String reason, LocalDate effectiveDate, java.time.Instant changedAt, String changedBy) {
    }

    /** The search filters after the query text was classified. */
    record Filter(String namePattern, String nameGram, String phoneTail, String phonePattern, byte[] idNumberHash, String regionPrefix,
                  String category, LocalDate bornOnOrBefore, String status) {
    }

    /**
     * The scope as SQL over the alias {@code e}: region scopes by region-code prefix, a family
     * member's scope by the elder's id; provider, caregiver and empty scopes see no elders.
     */
    static String scopeCondition(DataScope scope, MapSqlParameterSource params) {
        return switch (scope) {
            case DataScope.Region r -> r.regionPredicate("e.region_code");
            case DataScope.Elder el -> {
                params.addValue("scopeElderId", el.elderId());
                yield "e.id = :scopeElderId";
            }
            case DataScope.Provider p -> "false";
            case DataScope.Caregiver c -> "false";
            case DataScope.None n -> "false";
        };
    }

    List<Row> search(DataScope scope, Filter f, PageQuery page) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(scope, f, params);
        params.addValue("limit", page.size()).addValue("offset", page.offset());
        return named.query("select " + COLUMNS + " from elder e where " + where
                + " order by e.id limit :limit offset :offset", params, (rs, n) -> row(rs));
    }

    long count(DataScope scope, Filter f) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(scope, f, params);
        Long n = named.queryForObject("select count(*) from elder e where " + where, params, Long.class);
        return n == null ? 0 : n;
    }

    private static String where(DataScope scope, Filter f, MapSqlParameterSource params) {
        List<String> parts = new ArrayList<>();
        String regionPrefix = f.regionPrefix();
        if (scope instanceof DataScope.Region r && regionPrefix != null) {
            // one prefix condition, the narrower of the two, instead of two overlapping ones the planner
            // would misjudge; it is still the scope, only tighter. Disjoint prefixes see nothing.
            if (regionPrefix.startsWith(r.prefix())) {
                scope = DataScope.region(regionPrefix);
            } else if (!r.prefix().startsWith(regionPrefix)) {
                scope = new DataScope.None();
            }
            regionPrefix = null;
        }
        parts.add("(" + scopeCondition(scope, params) + ")");
        if (f.namePattern() != null) {
            parts.add("e.name like :namePattern");
            params.addValue("namePattern", f.namePattern());
        }
        if (f.nameGram() != null) {
            parts.add("e.name_grams @> array[cast(:nameGram as text)]");
            params.addValue("nameGram", f.nameGram());
        }
        if (f.phoneTail() != null) {
            parts.add("e.phone_tails @> array[cast(:phoneTail as text)] and exists (select 1 from unnest(e.phones) p where p like :phonePattern)");
            params.addValue("phoneTail", f.phoneTail()).addValue("phonePattern", f.phonePattern());
        }
        if (f.idNumberHash() != null) {
            parts.add("e.id_number_hmac = :idHash");
            params.addValue("idHash", f.idNumberHash());
        }
        if (regionPrefix != null) {
            parts.add("e.region_code like :regionPrefix");
            params.addValue("regionPrefix", regionPrefix + "%");
        }
        if (f.category() != null) {
            parts.add("e.categories @> array[cast(:category as text)]");
            params.addValue("category", f.category());
        }
        if (f.bornOnOrBefore() != null) {
            parts.add("e.birth_date <= :bornOnOrBefore");
            params.addValue("bornOnOrBefore", Date.valueOf(f.bornOnOrBefore()));
        }
        if (f.status() != null) {
            parts.add("e.status = :status");
            params.addValue("status", f.status());
        }
        return String.join(" and ", parts);
    }

    Optional<Row> find(DataScope scope, long id) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", id);
        String sql = "select " + COLUMNS + " from elder e where e.id = :id and (" + scopeCondition(scope, params) + ")";
        return named.query(sql, params, (rs, n) -> row(rs)).stream().findFirst();
    }

    /** Active elders in scope with this number as their own or a contact's, own numbers first. */
    List<org.yiyang.elder.CallerMatch> byCaller(DataScope scope, String phone, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("phone", phone)
                .addValue("tail", phone.substring(phone.length() - 4)).addValue("limit", limit);
        String scoped = scopeCondition(scope, params);
        String sql = """
                select id, contact_name, relation from (
                  select e.id, null as contact_name, null as relation, 0 as rank from elder e
                   where e.status = 'ACTIVE' and e.phone_tails @> array[cast(:tail as text)] and :phone = any(e.phones) and (%s)
                  union all
                  select e.id, c.name, c.relation, 1 from elder_contact c join elder e on e.id = c.elder_id
                   where c.phone = :phone and e.status = 'ACTIVE' and (%s)
                ) m order by rank, id limit :limit
                """.formatted(scoped, scoped);
        return named.query(sql, params, (rs, n) -> new org.yiyang.elder.CallerMatch(rs.getLong("id"),
                rs.getString("contact_name"), rs.getString("relation")));
    }

    /** The elder holding this ID number anywhere (not scoped: for the duplicate check only). */
    Optional<Long> idByIdNumberHash(byte[] hash) {
        return jdbc.sql("select id from elder where id_number_hmac = ?").param(hash).query(Long.class).optional();
    }

    /** For imports: which of these hashes are registered, and by which elder id. */
    Map<String, Long> idsByIdNumberHashes(List<byte[]> hashes) {
        Map<String, Long> out = new HashMap<>();
        for (int from = 0; from < hashes.size(); from += 1000) {
            List<byte[]> chunk = hashes.subList(from, Math.min(hashes.size(), from + 1000));
            named.query("select id, id_number_hmac from elder where id_number_hmac in (:hashes)",
                    new MapSqlParameterSource("hashes", chunk),
                    (rs, n) -> out.put(java.util.HexFormat.of().formatHex(rs.getBytes(2)), rs.getLong(1)));
        }
        return out;
    }

    boolean isInScope(DataScope scope, long id) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", id);
        String sql = "select count(*) from elder e where e.id = :id and (" + scopeCondition(scope, params) + ")";
        Long n = named.queryForObject(sql, params, Long.class);
        return n != null && n > 0;
    }

    /** Which of these elders lie in the scope (for imports, in chunks). */
    java.util.Set<Long> inScope(DataScope scope, List<Long> ids) {
        java.util.Set<Long> out = new java.util.HashSet<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            MapSqlParameterSource params = new MapSqlParameterSource("ids", ids.subList(from, Math.min(ids.size(), from + 1000)));
            String sql = "select e.id from elder e where e.id in (:ids) and (" + scopeCondition(scope, params) + ")";
            out.addAll(named.queryForList(sql, params, Long.class));
        }
        return out;
    }

    List<Long> nextIds(int n) {
        return jdbc.sql("select nextval(pg_get_serial_sequence('elder', 'id')) from generate_series(1, ?)")
                .param(n).query(Long.class).list();
    }

    /** Writes new elders (ids from {@link #nextIds}) with addresses, contacts and their first status entry. */
    void insert(List<Long> ids, List<ElderDraft> drafts, List<byte[]> encrypted, List<byte[]> hashes, LocalDate today, String by) {
        int n = drafts.size();
        SqlParameterSource[] elders = new SqlParameterSource[n];
        List<SqlParameterSource> addresses = new ArrayList<>();
        List<SqlParameterSource> contacts = new ArrayList<>();
        SqlParameterSource[] history = new SqlParameterSource[n];
        for (int i = 0; i < n; i++) {
            ElderDraft d = drafts.get(i);
            long id = ids.get(i);
            elders[i] = elderParams(d, encrypted.get(i), hashes.get(i)).addValue("id", id)
                    .addValue("statusSince", Date.valueOf(today));
            addAddressParams(id, d, addresses);
            addContactParams(id, d, contacts);
            history[i] = new MapSqlParameterSource().addValue("elderId", id).addValue("status", ElderStatus.ACTIVE.name())
                    .addValue("reason", null).addValue("effective", Date.valueOf(today)).addValue("by", by);
        }
        named.batchUpdate("""
                insert into elder (id, name, name_grams, id_number_enc, id_number_hmac, id_number_masked, sex, birth_date, phones,
                                   phone_tails, region_code, living_situation, categories, status, status_since)
                values (:id, :name, :nameGrams, :enc, :hash, :masked, :sex, :birthDate, :phones, :phoneTails, :regionCode,
                        :living, :categories, 'ACTIVE', :statusSince)""", elders);
        insertChildren(addresses, contacts);
        named.batchUpdate(INSERT_HISTORY, history);
    }

    /** Replaces an elder's details if the version still matches; false when someone else changed it first. */
    boolean update(long id, Integer expectedVersion, ElderDraft d, byte[] encrypted, byte[] hash) {
        MapSqlParameterSource p = elderParams(d, encrypted, hash).addValue("id", id).addValue("version", expectedVersion);
        String versionCheck = expectedVersion == null ? "" : " and version = :version";
        int changed = named.update("""
                update elder set name = :name, name_grams = :nameGrams, id_number_enc = :enc, id_number_hmac = :hash, id_number_masked = :masked,
                       sex = :sex, birth_date = :birthDate, phones = :phones, phone_tails = :phoneTails,
                       region_code = :regionCode, living_situation = :living, categories = :categories,
                       version = version + 1, updated_at = now()
                where id = :id""" + versionCheck, p);
        if (changed == 0) {
            return false;
        }
        jdbc.sql("delete from elder_address where elder_id = ?").param(id).update();
        jdbc.sql("delete from elder_contact where elder_id = ?").param(id).update();
        List<SqlParameterSource> addresses = new ArrayList<>();
        List<SqlParameterSource> contacts = new ArrayList<>();
        addAddressParams(id, d, addresses);
        addContactParams(id, d, contacts);
        insertChildren(addresses, contacts);
        return true;
    }

    void changeStatus(long id, ElderStatus status, String reason, LocalDate effective, String by) {
        jdbc.sql("update elder set status = ?, status_since = ?, version = version + 1, updated_at = now() where id = ?")
                .params(status.name(), Date.valueOf(effective), id).update();
        named.update(INSERT_HISTORY, new MapSqlParameterSource().addValue("elderId", id).addValue("status", status.name())
                .addValue("reason", reason).addValue("effective", Date.valueOf(effective)).addValue("by", by));
    }

    List<AddressRow> addresses(long elderId) {
        return jdbc.sql("select region_code, address, lat, lng, is_primary from elder_address where elder_id = ? order by position")
                .param(elderId)
                .query((rs, n) -> new AddressRow(rs.getString(1), rs.getString(2), new GeoPoint(rs.getDouble(3), rs.getDouble(4)),
                        rs.getBoolean(5)))
                .list();
    }

    List<ContactRow> contacts(long elderId) {
        return jdbc.sql("select name, relation, phone from elder_contact where elder_id = ? order by position")
                .param(elderId)
                .query((rs, n) -> new ContactRow(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    List<HistoryRow> history(long elderId) {
        return jdbc.sql("""
                        select status, reason, effective_date, changed_at, changed_by from elder_status_history
                        where elder_id = ? order by changed_at, id""")
                .param(elderId)
                .query((rs, n) -> new HistoryRow(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list();
    }

    private static final String COLUMNS = """
            e.id, e.name, e.id_number_enc, e.id_number_masked, e.sex, e.birth_date, e.phones, e.region_code,
            e.living_situation, e.categories, e.status, e.status_since, e.version, e.created_at, e.updated_at""";

    private static final String INSERT_HISTORY = """
            insert into elder_status_history (elder_id, status, reason, effective_date, changed_by)
            values (:elderId, :status, :reason, :effective, :by)""";

    private static MapSqlParameterSource elderParams(ElderDraft d, byte[] encrypted, byte[] hash) {
        return new MapSqlParameterSource()
                .addValue("name", d.name())
                .addValue("nameGrams", d.nameGrams())
                .addValue("enc", encrypted)
                .addValue("hash", hash)
                .addValue("masked", d.idNumber().masked())
                .addValue("sex", d.idNumber().sex() == org.yiyang.shared.Sex.MALE ? "M" : "F")
                .addValue("birthDate", Date.valueOf(d.idNumber().birthDate()))
                .addValue("phones", d.phoneValues())
                .addValue("phoneTails", d.phoneTails())
                .addValue("regionCode", d.regionCode().value())
                .addValue("living", d.livingSituation().name())
                .addValue("categories", d.categoryNames());
    }

    private static void addAddressParams(long id, ElderDraft d, List<SqlParameterSource> out) {
        for (int j = 0; j < d.addresses().size(); j++) {
            ElderDraft.Address a = d.addresses().get(j);
            out.add(new MapSqlParameterSource().addValue("elderId", id).addValue("position", j)
                    .addValue("regionCode", a.community().value()).addValue("address", a.text())
                    .addValue("lat", a.location().lat()).addValue("lng", a.location().lng()).addValue("primary", a.primary()));
        }
    }

    private static void addContactParams(long id, ElderDraft d, List<SqlParameterSource> out) {
        for (int j = 0; j < d.contacts().size(); j++) {
            ElderDraft.Contact c = d.contacts().get(j);
            out.add(new MapSqlParameterSource().addValue("elderId", id).addValue("position", j)
                    .addValue("name", c.name()).addValue("relation", c.relation()).addValue("phone", c.phone().value()));
        }
    }

    private void insertChildren(List<SqlParameterSource> addresses, List<SqlParameterSource> contacts) {
        if (!addresses.isEmpty()) {
            named.batchUpdate("""
                    insert into elder_address (elder_id, position, region_code, address, lat, lng, is_primary)
                    values (:elderId, :position, :regionCode, :address, :lat, :lng, :primary)""",
                    addresses.toArray(SqlParameterSource[]::new));
        }
        if (!contacts.isEmpty()) {
            named.batchUpdate("""
                    insert into elder_contact (elder_id, position, name, relation, phone)
                    values (:elderId, :position, :name, :relation, :phone)""",
                    contacts.toArray(SqlParameterSource[]::new));
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        Timestamp created = rs.getTimestamp("created_at");
        Timestamp updated = rs.getTimestamp("updated_at");
        return new Row(rs.getLong("id"), rs.getString("name"), rs.getBytes("id_number_enc"), rs.getString("id_number_masked"),
                rs.getString("sex"), rs.getDate("birth_date").toLocalDate(), strings(rs.getArray("phones")),
                rs.getString("region_code"), rs.getString("living_situation"), strings(rs.getArray("categories")),
                rs.getString("status"), rs.getDate("status_since").toLocalDate(), rs.getInt("version"),
                created.toInstant(), updated.toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }
}
