package org.yiyang.provider.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiyang.provider.CaregiverCandidate;
import org.yiyang.provider.CaregiverCertificateStatus;
import org.yiyang.provider.CaregiverLevel;
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.provider.CaregiverStatus;
import org.yiyang.provider.CaregiverWorkWindow;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.PhoneNumber;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.Sex;

/**
 * Caregivers and their skills. Every read for a user takes the user's {@link DataScope} and applies
 * it in the SQL: region scope → home community under the prefix; provider scope → that provider's
 * caregivers; caregiver scope → the caregiver themself; anything else → nothing.
 */
@Repository
class CaregiverRepository {

    private static final String SELECT = """
            select c.id, c.provider_id, p.name as provider_name, c.name, c.phone, c.id_number_masked, c.sex,
                   c.certificate_no, c.certificate_level, c.certificate_expiry, c.home_lat, c.home_lng,
                   c.region_code, c.work_days, c.work_start, c.work_end, c.max_daily_orders, c.status, c.version,
                   (select string_agg(s.skill, ',' order by s.skill) from caregiver_skill s where s.caregiver_id = c.id) as skills
              from caregiver c
              join provider_org p on p.id = c.provider_id
            """;

    private final JdbcClient jdbc;

    CaregiverRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The SQL condition limiting caregivers (alias {@code c}) to a scope; ids are numbers, so inlined safely. */
    static String scopeCondition(DataScope scope) {
        return switch (scope) {
            case DataScope.Region r -> r.regionPredicate("c.region_code");
            case DataScope.Provider p -> "c.provider_id = " + p.providerId();
            case DataScope.Caregiver cg -> "c.id = " + cg.caregiverId();
            case DataScope.Elder e -> "false";
            case DataScope.None n -> "false";
        };
    }

    /** The providers (alias {@code p}) a scope may assign caregivers to. */
    static String providerScopeCondition(DataScope scope) {
        return switch (scope) {
            case DataScope.Region r -> r.regionPredicate("p.region_code");
            case DataScope.Provider pr -> "p.id = " + pr.providerId();
            case DataScope.Caregiver cg -> "p.id = " + cg.providerId();
            case DataScope.Elder e -> "false";
            case DataScope.None n -> "false";
        };
    }

    Optional<CaregiverDetails> find(long id, DataScope scope) {
        return jdbc.sql(SELECT + " where c.id = :id and " + scopeCondition(scope)).param("id", id)
                .query(this::map).optional();
    }

    List<CaregiverDetails> search(CaregiverSearch s, DataScope scope, LocalDate today, int limit, long offset) {
        Map<String, Object> params = new HashMap<>();
        String where = where(s, scope, today, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(SELECT + " where " + where + " order by c.id limit :limit offset :offset")
                .params(params).query(this::map).list();
    }

    long count(CaregiverSearch s, DataScope scope, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        String where = where(s, scope, today, params);
        return jdbc.sql("select count(*) from caregiver c where " + where).params(params).query(Long.class).single();
    }

    /** Providers that have caregivers the scope can see (for list filters), by name. */
    List<CaregiverProviderOption> providersWithCaregivers(DataScope scope) {
        return jdbc.sql("""
                        select p.id, p.name from provider_org p
                         where exists (select 1 from caregiver c where c.provider_id = p.id and %s)
                         order by p.name, p.id
                        """.formatted(scopeCondition(scope)))
                .query((rs, i) -> new CaregiverProviderOption(rs.getLong("id"), rs.getString("name"), null)).list();
    }

    /** Providers the scope may assign caregivers to (for forms), by name. */
    List<CaregiverProviderOption> assignableProviders(DataScope scope) {
        return jdbc.sql("select p.id, p.name, p.region_code from provider_org p where p.status = 'ACTIVE' and "
                        + providerScopeCondition(scope) + " order by p.name, p.id")
                .query((rs, i) -> new CaregiverProviderOption(rs.getLong("id"), rs.getString("name"), rs.getString("region_code"))).list();
    }

    Optional<CaregiverProviderOption> assignableProvider(long providerId, DataScope scope) {
        return jdbc.sql("select p.id, p.name, p.region_code from provider_org p where p.id = :id and p.status = 'ACTIVE' and "
                        + providerScopeCondition(scope))
                .param("id", providerId)
                .query((rs, i) -> new CaregiverProviderOption(rs.getLong("id"), rs.getString("name"), rs.getString("region_code")))
                .optional();
    }

    long insert(CaregiverDraft d, double lat, double lng) {
        Map<String, Object> p = params(d, lat, lng);
        long id = jdbc.sql("""
                        insert into caregiver (provider_id, name, phone, id_number_masked, sex, certificate_no,
                                               certificate_level, certificate_expiry, home_lat, home_lng, region_code,
                                               work_days, work_start, work_end, max_daily_orders, status)
                        values (:providerId, :name, :phone, :idMasked, :sex, :certNo, :level, :expiry, :lat, :lng,
                                :region, :days, :start, :end, :maxDaily, :status)
                        returning id
                        """)
                .params(p).query(Long.class).single();
        replaceSkills(id, d.skills());
        return id;
    }

    /** Updates the caregiver if it still has the expected version (null: any); false when it has changed meanwhile. */
    boolean update(long id, CaregiverDraft d, String idNumberMasked, double lat, double lng, Integer expectedVersion) {
        Map<String, Object> p = params(d, lat, lng);
        p.put("id", id);
        p.put("idMasked", idNumberMasked);
        p.put("version", expectedVersion);
        int updated = jdbc.sql("""
                        update caregiver set provider_id = :providerId, name = :name, phone = :phone,
                               id_number_masked = :idMasked, sex = :sex, certificate_no = :certNo,
                               certificate_level = :level, certificate_expiry = :expiry, home_lat = :lat,
                               home_lng = :lng, region_code = :region, work_days = :days, work_start = :start,
                               work_end = :end, max_daily_orders = :maxDaily, status = :status,
                               updated_at = now(), version = version + 1
                         where id = :id and (:version::int is null or version = :version)
                        """)
                .params(p).update();
        if (updated == 0) {
            return false;
        }
        replaceSkills(id, d.skills());
        return true;
    }

    private void replaceSkills(long id, Set<CaregiverSkill> skills) {
        jdbc.sql("delete from caregiver_skill where caregiver_id = ?").param(id).update();
        jdbc.sql("insert into caregiver_skill (caregiver_id, skill) select :id, unnest(:skills::text[])")
                .param("id", id)
                .param("skills", skills.stream().map(Enum::name).toArray(String[]::new))
                .update();
    }

    java.util.Map<Long, org.yiyang.provider.CaregiverCard> cards(java.util.Collection<Long> ids) {
        java.util.Map<Long, org.yiyang.provider.CaregiverCard> result = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        select c.id, c.name, c.phone, c.provider_id, p.name as provider_name, c.status
                          from caregiver c join provider_org p on p.id = c.provider_id
                         where c.id = any(:ids) order by c.id
                        """)
                .param("ids", ids.toArray(new Long[0]))
                .query((rs, i) -> result.put(rs.getLong("id"), new org.yiyang.provider.CaregiverCard(rs.getLong("id"),
                        rs.getString("name"), rs.getString("phone"), rs.getLong("provider_id"), rs.getString("provider_name"),
                        org.yiyang.provider.CaregiverStatus.valueOf(rs.getString("status")))))
                .list();
        return result;
    }

    /** One active caregiver of an active provider, whatever their skills and days. */
    java.util.Optional<CaregiverCandidate> activeCandidate(long id) {
        return active("c.id = :id", id).stream().findFirst();
    }

    /** Every active caregiver of an active provider, whatever their skills, days and certificate, in one query. */
    List<CaregiverCandidate> activeCandidates() {
        return active("true", null);
    }

    private List<CaregiverCandidate> active(String condition, Long id) {
        var sql = jdbc.sql("""
                        select c.id, c.provider_id, c.home_lat, c.home_lng, c.region_code, c.certificate_expiry,
                               c.work_days, c.work_start, c.work_end, c.max_daily_orders,
                               (select string_agg(s2.skill, ',' order by s2.skill)
                                  from caregiver_skill s2 where s2.caregiver_id = c.id) as skills
                          from caregiver c
                          join provider_org p on p.id = c.provider_id and p.status = 'ACTIVE'
                         where c.status = 'ACTIVE' and %s
                         order by c.id
                        """.formatted(condition));
        if (id != null) {
            sql = sql.param("id", id);
        }
        return sql.query((rs, i) -> new CaregiverCandidate(rs.getLong("id"), rs.getLong("provider_id"),
                        new GeoPoint(rs.getDouble("home_lat"), rs.getDouble("home_lng")),
                        new RegionCode(rs.getString("region_code")), skills(rs.getString("skills")),
                        rs.getObject("certificate_expiry", LocalDate.class), window(rs),
                        rs.getInt("max_daily_orders")))
                .list();
    }

    /** See {@link org.yiyang.provider.CaregiverDirectory#candidatesFor}: one query, skills aggregated per row. */
    List<CaregiverCandidate> candidates(CaregiverSkill skill, LocalDate day, String regionPrefix) {
        return jdbc.sql("""
                        select c.id, c.provider_id, c.home_lat, c.home_lng, c.region_code, c.certificate_expiry,
                               c.work_days, c.work_start, c.work_end, c.max_daily_orders,
                               (select string_agg(s2.skill, ',' order by s2.skill)
                                  from caregiver_skill s2 where s2.caregiver_id = c.id) as skills
                          from caregiver c
                          join caregiver_skill s on s.caregiver_id = c.id and s.skill = :skill
                          join provider_org p on p.id = c.provider_id and p.status = 'ACTIVE'
                         where c.status = 'ACTIVE'
                           and c.certificate_expiry >= :day
                           and :dow = any (string_to_array(c.work_days, ','))
                           and c.region_code like :prefix
                         order by c.id
                        """)
                .param("skill", skill.name())
                .param("day", day)
                .param("dow", String.valueOf(day.getDayOfWeek().getValue()))
                .param("prefix", regionPrefix + "%")
                .query((rs, i) -> new CaregiverCandidate(rs.getLong("id"), rs.getLong("provider_id"),
                        new GeoPoint(rs.getDouble("home_lat"), rs.getDouble("home_lng")),
                        new RegionCode(rs.getString("region_code")), skills(rs.getString("skills")),
                        rs.getObject("certificate_expiry", LocalDate.class), window(rs),
                        rs.getInt("max_daily_orders")))
                .list();
    }

    private static String where(CaregiverSearch s, DataScope scope, LocalDate today, Map<String, Object> params) {
        List<String> c = new ArrayList<>();
        c.add(scopeCondition(scope));
        if (s.q() != null && !s.q().isBlank()) {
            String q = s.q().strip();
            String digits = q.replaceAll("[\\s\\-]", "");
            if (digits.matches("\\+?\\d{3,}")) {
                c.add("c.phone like :phone");
                params.put("phone", "%" + digits.replace("+86", "") + "%");
            } else {
                c.add("c.name like :name");
                params.put("name", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        if (s.providerId() != null) {
            c.add("c.provider_id = :providerId");
            params.put("providerId", s.providerId());
        }
        if (s.skill() != null) {
            c.add("exists (select 1 from caregiver_skill k where k.caregiver_id = c.id and k.skill = :skill)");
            params.put("skill", s.skill().name());
        }
        if (s.regionPrefix() != null) {
            c.add("c.region_code like :region");
            params.put("region", s.regionPrefix() + "%");
        }
        if (s.status() != null) {
            c.add("c.status = :status");
            params.put("status", s.status().name());
        }
        if (s.certificateExpiringBefore() != null) {
            c.add("c.certificate_expiry < :before");
            params.put("before", s.certificateExpiringBefore());
        }
        if (s.certificateStatus() != null) {
            params.put("today", today);
            params.put("warn", today.plusDays(CaregiverCertificateStatus.WARNING_DAYS));
            c.add(switch (s.certificateStatus()) {
                case NONE -> "c.certificate_expiry is null";
                case EXPIRED -> "c.certificate_expiry < :today";
                case EXPIRING -> "c.certificate_expiry between :today and :warn";
                case VALID -> "c.certificate_expiry > :warn";
            });
        }
        return String.join(" and ", c);
    }

    private static Map<String, Object> params(CaregiverDraft d, double lat, double lng) {
        Map<String, Object> p = new HashMap<>();
        p.put("providerId", d.providerId());
        p.put("name", d.name());
        p.put("phone", d.phone().value());
        p.put("idMasked", d.idNumberMasked());
        p.put("sex", d.sex() == null ? null : d.sex() == Sex.MALE ? "M" : "F");
        p.put("certNo", d.certificateNo());
        p.put("level", d.certificateLevel() == null ? null : d.certificateLevel().name());
        p.put("expiry", d.certificateExpiry());
        p.put("lat", lat);
        p.put("lng", lng);
        p.put("region", d.regionCode().value());
        p.put("days", d.window().isoDays());
        p.put("start", d.window().start());
        p.put("end", d.window().end());
        p.put("maxDaily", d.maxDailyOrders());
        p.put("status", d.status().name());
        return p;
    }

    private CaregiverDetails map(ResultSet rs, int row) throws SQLException {
        String sex = rs.getString("sex");
        String level = rs.getString("certificate_level");
        return new CaregiverDetails(rs.getLong("id"), rs.getLong("provider_id"), rs.getString("provider_name"),
                rs.getString("name"), phone(rs.getString("phone")), rs.getString("id_number_masked"),
                sex == null ? null : sex.equals("M") ? Sex.MALE : Sex.FEMALE, skills(rs.getString("skills")),
                rs.getString("certificate_no"), level == null ? null : CaregiverLevel.valueOf(level),
                rs.getObject("certificate_expiry", LocalDate.class),
                new GeoPoint(rs.getDouble("home_lat"), rs.getDouble("home_lng")),
                new RegionCode(rs.getString("region_code")), window(rs), rs.getInt("max_daily_orders"),
                CaregiverStatus.valueOf(rs.getString("status")), rs.getInt("version"));
    }

    private static PhoneNumber phone(String value) {
        return value == null ? null : new PhoneNumber(value);
    }

    private static CaregiverWorkWindow window(ResultSet rs) throws SQLException {
        return new CaregiverWorkWindow(CaregiverWorkWindow.parseDays(rs.getString("work_days")),
                rs.getObject("work_start", java.time.LocalTime.class), rs.getObject("work_end", java.time.LocalTime.class));
    }

    private static Set<CaregiverSkill> skills(String csv) {
        Set<CaregiverSkill> set = EnumSet.noneOf(CaregiverSkill.class);
        if (csv != null) {
            for (String s : csv.split(",")) {
                CaregiverSkill.find(s).ifPresent(set::add);
            }
        }
        return set;
    }
}
