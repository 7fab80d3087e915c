package org.yiyang.provider.internal;

import java.sql.Date;
import java.sql.Time;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.identity.NewUser;
import org.yiyang.identity.Role;
import org.yiyang.identity.UserAccounts;
import org.yiyang.provider.CaregiverLevel;
import org.yiyang.provider.CaregiverSkill;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.DemoSeeder;
import org.yiyang.shared.DemoSettings;
import org.yiyang.shared.IdCardNumber;
import org.yiyang.shared.RegionLevel;

/**
 * The demo caregivers (order 250, after the organisations): about 800 for the default city (12,000
 * for the large one) spread over the home-care (most), housekeeping, medical and institution
 * organisations, with home bases in communities of the organisation's county, 1–4 skills fitting the
 * organisation, certificates mostly level 5 and 4 (about 8% expired and 5% expiring within 30 days,
 * counted from the day of generation), and common shifts. Also the {@code caregiver} demo login, for
 * a caregiver of the first home-care organisation. Creates nothing when there are no such organisations.
 */
@Component
class CaregiverDemoSeeder implements DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(CaregiverDemoSeeder.class);

    static final String DEMO_USERNAME = "caregiver";

    private static final Map<String, Integer> WEIGHT = Map.of("HOME_CARE", 6, "HOUSEKEEPING", 3, "MEDICAL", 2, "INSTITUTION", 2);

    private static final Map<String, List<CaregiverSkill>> SKILL_POOL = Map.of(
            "HOME_CARE", List.of(CaregiverSkill.MEAL, CaregiverSkill.CLEANING, CaregiverSkill.VISIT, CaregiverSkill.BATHING,
                    CaregiverSkill.MOBILITY, CaregiverSkill.ERRAND, CaregiverSkill.NURSING, CaregiverSkill.RECREATION,
                    CaregiverSkill.EMERGENCY, CaregiverSkill.MEDICAL),
            "HOUSEKEEPING", List.of(CaregiverSkill.CLEANING, CaregiverSkill.MEAL, CaregiverSkill.ERRAND, CaregiverSkill.MOBILITY),
            "MEDICAL", List.of(CaregiverSkill.MEDICAL, CaregiverSkill.NURSING, CaregiverSkill.REHAB, CaregiverSkill.EMERGENCY,
                    CaregiverSkill.VISIT),
            "INSTITUTION", List.of(CaregiverSkill.NURSING, CaregiverSkill.BATHING, CaregiverSkill.REHAB, CaregiverSkill.MEAL,
                    CaregiverSkill.RECREATION, CaregiverSkill.MOBILITY));

    /** Common shifts: ISO days, start, end, and how often (in percent) they occur. */
    private record Shift(String days, LocalTime start, LocalTime end, int percent) {
    }

    private static final List<Shift> SHIFTS = List.of(
            new Shift("1,2,3,4,5", LocalTime.of(8, 0), LocalTime.of(17, 0), 40),
            new Shift("1,2,3,4,5,6", LocalTime.of(7, 0), LocalTime.of(19, 0), 25),
            new Shift("1,2,3,4,5", LocalTime.of(9, 0), LocalTime.of(18, 0), 10),
            new Shift("6,7", LocalTime.of(8, 0), LocalTime.of(18, 0), 10),
            new Shift("2,3,4,5,6", LocalTime.of(8, 0), LocalTime.of(17, 0), 10),
            new Shift("1,2,3,4,5,6,7", LocalTime.of(7, 0), LocalTime.of(15, 0), 5));

    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
    private static final String FEMALE_GIVEN = "秀英桂兰玉梅凤霞春花丽娟红艳萍芳敏静燕丹琴云莲翠珍慧淑华玲婷雪梅荣洁";
    private static final String MALE_GIVEN = "建国志强伟军明华永刚海涛文斌国庆红卫立新振东宏伟俊杰德胜";

    record Org(long id, String kind, String regionCode) {
    }

    private final JdbcTemplate jdbc;
    private final RegionDirectory regions;
    private final UserAccounts accounts;
    private final Clock clock;

    CaregiverDemoSeeder(JdbcTemplate jdbc, RegionDirectory regions, UserAccounts accounts, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.accounts = accounts;
        this.clock = clock.getIfAvailable(() -> Clock.system(ZoneId.of("Asia/Shanghai")));
    }

    @Override
    public int order() {
        return 250;
    }

    @Override
    @Transactional
    public void seed(DemoSettings settings) {
        List<Org> orgs = jdbc.query("""
                        select id, kind, region_code from provider_org
                         where kind in ('HOME_CARE', 'HOUSEKEEPING', 'MEDICAL', 'INSTITUTION') and status = 'ACTIVE'
                         order by id
                        """,
                (rs, i) -> new Org(rs.getLong("id"), rs.getString("kind"), rs.getString("region_code").trim()));
        if (orgs.isEmpty()) {
            log.info("No home-care, housekeeping, medical or institution organisations: no demo caregivers");
            return;
        }
        Map<String, List<Region>> communitiesByCounty = new HashMap<>();
        List<Region> allCommunities = regions.ofLevel(RegionLevel.COMMUNITY).stream().filter(r -> r.centroid() != null).toList();
        if (allCommunities.isEmpty()) {
            log.info("No communities: no demo caregivers");
            return;
        }
        for (Region r : allCommunities) {
            communitiesByCounty.computeIfAbsent(r.code().countyCode(), k -> new ArrayList<>()).add(r);
        }
        Random random = settings.random("caregivers");
        LocalDate today = LocalDate.now(clock);
        int total = settings.size() == DemoSettings.Size.LARGE ? 12_000 : 800;
        Map<Org, Integer> counts = distribute(orgs, total);
        long homeCareDemoOrg = orgs.stream().filter(o -> o.kind().equals("HOME_CARE")).mapToLong(Org::id).min().orElse(-1);

        List<Object[]> rows = new ArrayList<>();
        List<Set<CaregiverSkill>> skillsOfRow = new ArrayList<>();
        int demoRow = -1;
        String demoName = null;
        int serial = 0;
        for (Map.Entry<Org, Integer> e : counts.entrySet()) {
            Org org = e.getKey();
            List<Region> communities = communitiesByCounty.getOrDefault(
                    org.regionCode().length() >= 6 ? org.regionCode().substring(0, 6) : "", allCommunities);
            for (int n = 0; n < e.getValue(); n++) {
                serial++;
                boolean demo = org.id() == homeCareDemoOrg && n == 0;
                boolean female = random.nextInt(100) < 85;
                String name = name(random, female);
                String phone = "1" + "35789".charAt(random.nextInt(5)) + String.format("%09d", random.nextInt(1_000_000_000));
                String county = communities.getFirst().code().countyCode();
                String idMasked = idNumber(random, county, female, today).masked();

                Set<CaregiverSkill> skills = skills(random, SKILL_POOL.get(org.kind()));
                CaregiverLevel level = level(random);
                LocalDate expiry = expiry(random, today);
                int shiftDraw = random.nextInt(100);
                Shift shift = SHIFTS.getLast();
                for (int s = 0, acc = 0; s < SHIFTS.size(); s++) {
                    acc += SHIFTS.get(s).percent();
                    if (shiftDraw < acc) {
                        shift = SHIFTS.get(s);
                        break;
                    }
                }
                int statusDraw = random.nextInt(100);
                String status = statusDraw < 90 ? "ACTIVE" : statusDraw < 96 ? "ON_LEAVE" : "LEFT";
                if (demo) {
                    skills = EnumSet.of(CaregiverSkill.MEAL, CaregiverSkill.CLEANING, CaregiverSkill.VISIT, CaregiverSkill.NURSING);
                    level = CaregiverLevel.LEVEL_4;
                    expiry = today.plusYears(2);
                    shift = SHIFTS.get(1);
                    status = "ACTIVE";
                    demoRow = rows.size();
                    demoName = name;
                }
                Region community = communities.get(random.nextInt(communities.size()));
                double radius = 1500 * Math.sqrt(random.nextDouble());
                double angle = random.nextDouble() * 2 * Math.PI;
                double lat = community.centroid().lat() + radius * Math.cos(angle) / 111_320.0;
                double lng = community.centroid().lng()
                        + radius * Math.sin(angle) / (111_320.0 * Math.cos(Math.toRadians(community.centroid().lat())));
                String certNo = String.format("%s%04d%06d", county, expiry.getYear() - 4, serial);
                rows.add(new Object[]{org.id(), name, phone, idMasked, female ? "F" : "M", certNo, level.name(),
                        Date.valueOf(expiry), lat, lng, community.code().value(), shift.days(),
                        Time.valueOf(shift.start()), Time.valueOf(shift.end()), 4 + random.nextInt(7), status});
                skillsOfRow.add(skills);
            }
        }

        long before = jdbc.queryForObject("select coalesce(max(id), 0) from caregiver", Long.class);
        jdbc.batchUpdate("""
                insert into caregiver (provider_id, name, phone, id_number_masked, sex, certificate_no, certificate_level,
                                       certificate_expiry, home_lat, home_lng, region_code, work_days, work_start,
                                       work_end, max_daily_orders, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
        // one session inserting in order: identity values ascend in the order of the rows
        List<Long> ids = jdbc.queryForList("select id from caregiver where id > ? order by id", Long.class, before);
        List<Object[]> skillRows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (CaregiverSkill s : skillsOfRow.get(i)) {
                skillRows.add(new Object[]{ids.get(i), s.name()});
            }
        }
        jdbc.batchUpdate("insert into caregiver_skill (caregiver_id, skill) values (?, ?)", skillRows);

        if (demoRow >= 0 && accounts.idOf(DEMO_USERNAME).isEmpty()) {
            accounts.create(new NewUser(DEMO_USERNAME, "demo", demoName + " · 护理员", Role.CAREGIVER,
                    new DataScope.Caregiver(ids.get(demoRow), homeCareDemoOrg)));
        }
        log.info("Demo caregivers: {} for {} organisations", ids.size(), orgs.size());
    }

    /** Caregivers per organisation, in proportion to the weight of its kind (largest remainder), at least 3 each. */
    static Map<Org, Integer> distribute(List<Org> orgs, int total) {
        int weightSum = orgs.stream().mapToInt(o -> WEIGHT.get(o.kind())).sum();
        Map<Org, Integer> counts = new LinkedHashMap<>();
        int assigned = 0;
        List<double[]> remainders = new ArrayList<>();
        for (int i = 0; i < orgs.size(); i++) {
            double exact = (double) total * WEIGHT.get(orgs.get(i).kind()) / weightSum;
            int n = Math.max(3, (int) Math.floor(exact));
            counts.put(orgs.get(i), n);
            assigned += n;
            remainders.add(new double[]{exact - Math.floor(exact), i});
        }
        remainders.sort((a, b) -> Double.compare(b[0], a[0]) != 0 ? Double.compare(b[0], a[0]) : Double.compare(a[1], b[1]));
        for (int k = 0; assigned < total && k < remainders.size(); k++, assigned++) {
            Org o = orgs.get((int) remainders.get(k)[1]);
            counts.merge(o, 1, Integer::sum);
        }
        return counts;
    }

    private static String name(Random random, boolean female) {
        String pool = female ? FEMALE_GIVEN : MALE_GIVEN;
        int pair = random.nextInt(pool.length() / 2) * 2;
        String given = random.nextInt(100) < 60
                ? pool.substring(pair, pair + 2)
                : String.valueOf(pool.charAt(random.nextInt(pool.length())));
        return SURNAMES.charAt(random.nextInt(SURNAMES.length())) + given;
    }

    private static IdCardNumber idNumber(Random random, String county, boolean female, LocalDate today) {
        LocalDate birth = LocalDate.of(today.getYear() - 58, 1, 1).plusDays(random.nextInt(33 * 365));
        int seq = random.nextInt(500) * 2 + (female ? 0 : 1);
        String body = county + birth.toString().replace("-", "") + String.format("%03d", seq);
        return new IdCardNumber(body + IdCardNumber.checkCharacter(body));
    }

    private static Set<CaregiverSkill> skills(Random random, List<CaregiverSkill> pool) {
        int draw = random.nextInt(100);
        int n = Math.min(pool.size(), draw < 20 ? 1 : draw < 55 ? 2 : draw < 85 ? 3 : 4);
        Set<CaregiverSkill> skills = EnumSet.noneOf(CaregiverSkill.class);
        skills.add(pool.get(random.nextInt(Math.min(3, pool.size()))));
        while (skills.size() < n) {
            skills.add(pool.get(random.nextInt(pool.size())));
        }
        return skills;
    }

    private static CaregiverLevel level(Random random) {
        int d = random.nextInt(100);
        return d < 50 ? CaregiverLevel.LEVEL_5 : d < 85 ? CaregiverLevel.LEVEL_4 : d < 95 ? CaregiverLevel.LEVEL_3
                : d < 99 ? CaregiverLevel.LEVEL_2 : CaregiverLevel.LEVEL_1;
    }

    /** About 8% expired (within the last year), 5% expiring within 30 days, the rest valid for up to four years. */
    private static LocalDate expiry(Random random, LocalDate today) {
        int d = random.nextInt(100);
        if (d < 8) return today.minusDays(1 + random.nextInt(365));
        if (d < 13) return today.plusDays(random.nextInt(30));
        return today.plusDays(31 + random.nextInt(4 * 365));
    }
}
