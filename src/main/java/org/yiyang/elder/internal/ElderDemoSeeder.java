package org.yiyang.elder.internal;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyang.elder.ElderCategory;
import org.yiyang.elder.ElderStatus;
import org.yiyang.elder.LivingSituation;
import org.yiyang.identity.NewUser;
import org.yiyang.identity.Role;
import org.yiyang.identity.UserAccounts;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.DemoSeeder;
import org.yiyang.shared.DemoSettings;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.IdCardNumber;
import org.yiyang.shared.RegionLevel;

/**
 * The demo city's elders (20,000, or 300,000 for the large city), spread over every community and
 * village (urban communities denser), with a realistic age, sex and category mix, valid ID numbers
 * issued in their county, phones, addresses near the community centre and emergency contacts.
 * Deterministic for the seed; written with COPY. Also creates the {@code family} login for one elder
 * of the first county.
 */
@Component
class ElderDemoSeeder implements DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(ElderDemoSeeder.class);

    /** Ages are drawn against a fixed day, so the same seed gives the same city on any day. */
    static final LocalDate REFERENCE_DAY = LocalDate.of(2026, 7, 1);
    private static final int COPY_CHUNK = 20_000;
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡",
            "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹",
            "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎"};
    private static final int[] SURNAME_WEIGHTS = {74, 72, 70, 53, 46, 32, 20, 19, 18, 18, 15, 14, 13, 13, 12, 11, 11, 11,
            11, 9, 9, 8, 8, 7, 7, 7, 7, 6, 6, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4};
    private static final String[] MALE_GIVEN = {"建国", "建华", "国强", "志强", "德明", "卫国", "国庆", "振华", "永福", "长山",
            "宝山", "文明", "福贵", "德胜", "秀山", "玉林", "金生", "树林", "保国", "玉成", "明", "强", "军", "勇", "刚", "华",
            "海", "平", "春生", "根生", "占奎", "庆祥", "守信", "满仓", "凤岐", "广田", "新民", "红旗", "跃进", "援朝"};
    private static final String[] FEMALE_GIVEN = {"秀英", "桂英", "玉兰", "秀兰", "淑珍", "桂兰", "凤英", "玉珍", "淑英", "秀珍",
            "金凤", "素芳", "丽华", "秀云", "桂珍", "玉梅", "翠花", "春兰", "桂芝", "淑兰", "凤兰", "玉芳", "秀芳", "兰英", "小红",
            "桂香", "爱华", "美玲", "萍", "红", "芳", "霞", "英", "兰", "珍", "俊英", "月娥", "雪梅", "巧云", "秋菊"};
    private static final String[] ROADS = {"幸福路", "建设路", "人民路", "胜利路", "黄河路", "中原路", "长庆路", "大庆路", "京开道",
            "开州路", "绿城路", "文化路", "和平街", "任丘路", "龙乡街", "振兴路", "安阳路", "华龙街"};
    private static final String[] MOBILE_PREFIXES = {"130", "131", "132", "133", "135", "136", "137", "138", "139", "150",
            "151", "152", "155", "156", "157", "158", "159", "176", "177", "180", "181", "182", "183", "186", "187", "188", "189", "199"};
    private static final String[] CHILD_RELATIONS = {"儿子", "女儿", "儿子", "女儿", "儿媳", "女婿", "孙子", "孙女"};
    private static final String[] OTHER_RELATIONS = {"侄子", "外甥", "邻居", "配偶"};
    private static final String[] MOVE_REASONS = {"随子女迁往外地", "户籍迁出", "入住外地养老机构"};

    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final IdNumberCipher cipher;
    private final RegionDirectory regions;
    private final UserAccounts accounts;

    ElderDemoSeeder(DataSource dataSource, TransactionTemplate tx, JdbcClient jdbc, IdNumberCipher cipher,
                    RegionDirectory regions, UserAccounts accounts) {
        this.dataSource = dataSource;
        this.tx = tx;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.regions = regions;
        this.accounts = accounts;
    }

    @Override
    public int order() {
        return 300;
    }

    /** One generated elder, in memory until it is copied. */
    record Generated(String name, IdCardNumber id, List<String> phones, Region community, LivingSituation living,
                     Set<ElderCategory> categories, ElderStatus status, LocalDate registered, LocalDate statusSince,
                     String statusReason, List<Addr> addresses, List<Contact> contacts) {
    }

    record Addr(Region community, String text, GeoPoint location) {
    }

    record Contact(String name, String relation, String phone) {
    }

    @Override
    public void seed(DemoSettings settings) {
        Instant start = Instant.now();
        Random random = settings.random("elder");
        List<Region> communities = regions.ofLevel(RegionLevel.COMMUNITY);
        if (communities.isEmpty()) {
            throw new IllegalStateException("The elder demo data needs the region tree (seeded first)");
        }
        int n = settings.size().elders();
        List<Generated> elders = generate(random, communities, n);
        long generated = Duration.between(start, Instant.now()).toMillis();
        long firstId = tx.execute(status -> copy(elders));
        Region firstCounty = regions.ofLevel(RegionLevel.COUNTY).getFirst();
        int familyIndex = familyElder(elders, firstCounty);
        Generated family = elders.get(familyIndex);
        accounts.create(new NewUser("family", "demo", family.name() + "的家属", Role.FAMILY,
                new DataScope.Elder(firstId + familyIndex)));
        log.info("Elder demo data: {} elders in {} ms (generated in {} ms, then copied)", n,
                Duration.between(start, Instant.now()).toMillis(), generated);
    }

    /** An active elder of the first county, preferably one with two phones or two addresses. */
    private static int familyElder(List<Generated> elders, Region county) {
        int fallback = -1;
        for (int i = 0; i < elders.size(); i++) {
            Generated g = elders.get(i);
            if (g.status() != ElderStatus.ACTIVE || !county.code().contains(g.community().code())) {
                continue;
            }
            if (g.phones().size() >= 2 || g.addresses().size() >= 2) {
                return i;
            }
            if (fallback < 0) {
                fallback = i;
            }
        }
        if (fallback < 0) {
            throw new IllegalStateException("No active elder in the first county");
        }
        return fallback;
    }

    List<Generated> generate(Random random, List<Region> communities, int n) {
        double[] cumulative = new double[communities.size()];
        double sum = 0;
        for (int i = 0; i < communities.size(); i++) {
            sum += weight(communities.get(i));
            cumulative[i] = sum;
        }
        Map<String, List<Region>> byCounty = new HashMap<>();
        for (Region c : communities) {
            byCounty.computeIfAbsent(c.code().countyCode(), k -> new ArrayList<>()).add(c);
        }
        int surnameTotal = 0;
        for (int w : SURNAME_WEIGHTS) {
            surnameTotal += w;
        }
        Set<String> ids = new HashSet<>(n * 2);
        List<Generated> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Region community = communities.get(pickWeighted(cumulative, random.nextDouble() * sum));
            boolean male = random.nextDouble() < 0.48;
            double band = random.nextDouble();
            int age = band < 0.55 ? 60 + random.nextInt(10) : band < 0.85 ? 70 + random.nextInt(10)
                    : band < 0.97 ? 80 + random.nextInt(10) : 90 + random.nextInt(12);
            LocalDate birth = REFERENCE_DAY.minusYears(age).minusDays(random.nextInt(365));
            IdCardNumber id;
            do {
                int seq = random.nextInt(100) * 10 + (male ? 1 + 2 * random.nextInt(5) : 2 * random.nextInt(5));
                String body = community.code().countyCode() + birth.format(BASIC) + String.format("%03d", seq);
                id = new IdCardNumber(body + IdCardNumber.checkCharacter(body));
            } while (!ids.add(id.value()));

            String surname = SURNAMES[pickSurname(random.nextInt(surnameTotal))];
            String name = surname + (male ? MALE_GIVEN[random.nextInt(MALE_GIVEN.length)]
                    : FEMALE_GIVEN[random.nextInt(FEMALE_GIVEN.length)]);

            double p = random.nextDouble();
            List<String> phones = new ArrayList<>();
            // everyone has a number to call: most a mobile, some only the landline at home (濮阳 area code 0393)
            phones.add(p < 0.93 ? mobile(random) : "0393" + (2 + random.nextInt(7)) + String.format("%06d", random.nextInt(1_000_000)));
            if (p < 0.22) {
                phones.add(mobile(random));
            }

            Set<ElderCategory> cats = EnumSet.noneOf(ElderCategory.class);
            LivingSituation living;
            if (random.nextDouble() < 0.12) {
                cats.add(ElderCategory.LIVING_ALONE);
                living = LivingSituation.ALONE;
            } else if (random.nextDouble() < 0.40 / 0.88) {
                cats.add(ElderCategory.EMPTY_NEST);
                living = LivingSituation.WITH_SPOUSE;
            } else {
                double l = random.nextDouble();
                living = l < 0.05 ? LivingSituation.INSTITUTION : l < 0.10 ? LivingSituation.OTHER : LivingSituation.WITH_CHILDREN;
            }
            if (random.nextDouble() < (age >= 80 ? 0.20 : 0.05)) cats.add(ElderCategory.DISABLED);
            if (random.nextDouble() < 0.08) cats.add(ElderCategory.ECONOMIC_HARDSHIP);
            if (random.nextDouble() < 0.05) cats.add(ElderCategory.SUBSISTENCE_ALLOWANCE);
            if (community.isVillage() && random.nextDouble() < 0.10) cats.add(ElderCategory.LEFT_BEHIND);
            if (random.nextDouble() < 0.02) cats.add(ElderCategory.SEVERE_DISABILITY);
            if (random.nextDouble() < 0.01) cats.add(ElderCategory.EXTREME_POVERTY);
            if (random.nextDouble() < 0.01) cats.add(ElderCategory.FAMILY_PLANNING_SPECIAL);

            List<Addr> addresses = new ArrayList<>();
            addresses.add(new Addr(community, address(random, community), near(random, community.centroid())));
            if (random.nextDouble() < 0.08) {
                List<Region> county = byCounty.get(community.code().countyCode());
                Region other = county.get(random.nextInt(county.size()));
                addresses.add(new Addr(other, address(random, other), near(random, other.centroid())));
            }

            List<Contact> contacts = new ArrayList<>();
            int contactCount = random.nextDouble() < 0.6 ? 1 : 2;
            for (int c = 0; c < contactCount; c++) {
                boolean child = random.nextDouble() < 0.8;
                String relation = child ? CHILD_RELATIONS[random.nextInt(CHILD_RELATIONS.length)]
                        : OTHER_RELATIONS[random.nextInt(OTHER_RELATIONS.length)];
                boolean sameSurname = child && !relation.equals("儿媳") && !relation.equals("女婿");
                String cs = sameSurname ? surname : SURNAMES[pickSurname(random.nextInt(surnameTotal))];
                boolean female = relation.equals("女儿") || relation.equals("儿媳") || relation.equals("孙女")
                        || (relation.equals("配偶") && male) || (!child && random.nextBoolean());
                String given = female ? FEMALE_GIVEN[random.nextInt(FEMALE_GIVEN.length)] : MALE_GIVEN[random.nextInt(MALE_GIVEN.length)];
                contacts.add(new Contact(cs + given, relation, mobile(random)));
            }

            LocalDate registered = REFERENCE_DAY.minusDays(30 + random.nextInt(3 * 365));
            double s = random.nextDouble();
            ElderStatus status = s < 0.96 ? ElderStatus.ACTIVE : s < 0.985 ? ElderStatus.MOVED_OUT : ElderStatus.DECEASED;
            LocalDate since = status == ElderStatus.ACTIVE ? registered
                    : registered.plusDays(1 + random.nextInt((int) Math.max(1, registered.until(REFERENCE_DAY).toTotalMonths() * 30)));
            String reason = status == ElderStatus.MOVED_OUT ? MOVE_REASONS[random.nextInt(MOVE_REASONS.length)]
                    : status == ElderStatus.DECEASED ? "病故" : null;
            out.add(new Generated(name, id, List.copyOf(phones), community, living, cats, status, registered, since, reason,
                    addresses, contacts));
        }
        return out;
    }

    private static double weight(Region community) {
        String kind = community.urbanRural() == null ? "" : community.urbanRural();
        return switch (kind) {
            case "111" -> 3.0;
            case "112" -> 2.5;
            case "121" -> 2.0;
            default -> 1.0;
        };
    }

    private static int pickWeighted(double[] cumulative, double x) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static int pickSurname(int x) {
        int acc = 0;
        for (int i = 0; i < SURNAME_WEIGHTS.length; i++) {
            acc += SURNAME_WEIGHTS[i];
            if (x < acc) return i;
        }
        return 0;
    }

    private static String mobile(Random random) {
        return MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)] + String.format("%08d", random.nextInt(100_000_000));
    }

    private static String address(Random random, Region community) {
        if (community.isVillage()) {
            return community.name() + (1 + random.nextInt(8)) + "组" + (1 + random.nextInt(60)) + "号";
        }
        return ROADS[random.nextInt(ROADS.length)] + (1 + random.nextInt(199)) + "号" + (1 + random.nextInt(20)) + "栋"
                + (1 + random.nextInt(4)) + "单元" + (1 + random.nextInt(7)) + "0" + (1 + random.nextInt(4));
    }

    /** A point within 400 m of the centre, uniformly over the disc. */
    static GeoPoint near(Random random, GeoPoint centre) {
        double r = 400 * Math.sqrt(random.nextDouble());
        double theta = random.nextDouble() * 2 * Math.PI;
        double dLat = r * Math.cos(theta) / 111_320.0;
        double dLng = r * Math.sin(theta) / (111_320.0 * Math.cos(Math.toRadians(centre.lat())));
        return new GeoPoint(Math.round((centre.lat() + dLat) * 1e6) / 1e6, Math.round((centre.lng() + dLng) * 1e6) / 1e6);
    }

    /** Copies the elders with ids from a block reserved on the sequence; returns the first id. */
    private long copy(List<Generated> elders) {
        long first = jdbc.sql("select nextval(pg_get_serial_sequence('elder', 'id'))").query(Long.class).single();
        jdbc.sql("select setval(pg_get_serial_sequence('elder', 'id'), ?)").param(first + elders.size() - 1).query(Long.class).single();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            HexFormat hex = HexFormat.of();
            for (int from = 0; from < elders.size(); from += COPY_CHUNK) {
                int to = Math.min(elders.size(), from + COPY_CHUNK);
                StringBuilder e = new StringBuilder(256 * (to - from));
                StringBuilder a = new StringBuilder(128 * (to - from));
                StringBuilder c = new StringBuilder(64 * (to - from));
                StringBuilder h = new StringBuilder(64 * (to - from));
                for (int i = from; i < to; i++) {
                    Generated g = elders.get(i);
                    long id = first + i;
                    String idValue = g.id().value();
                    e.append(id).append('\t').append(esc(g.name())).append('\t')
                            .append(quotedArray(NameGrams.of(g.name()))).append('\t')
                            .append("\\\\x").append(hex.formatHex(cipher.encrypt(idValue))).append('\t')
                            .append("\\\\x").append(hex.formatHex(cipher.lookupHash(idValue))).append('\t')
                            .append(g.id().masked()).append('\t')
                            .append(g.id().sex() == org.yiyang.shared.Sex.MALE ? 'M' : 'F').append('\t')
                            .append(g.id().birthDate()).append('\t')
                            .append(array(g.phones())).append('\t')
                            .append(array(g.phones().stream().map(p -> p.substring(p.length() - 4)).distinct().toList())).append('\t')
                            .append(g.community().code().value()).append('\t')
                            .append(g.living().name()).append('\t')
                            .append(array(g.categories().stream().map(Enum::name).toList())).append('\t')
                            .append(g.status().name()).append('\t')
                            .append(g.statusSince()).append('\t')
                            .append(g.registered()).append(" 09:00:00+08\t")
                            .append(g.status() == ElderStatus.ACTIVE ? g.registered() : g.statusSince()).append(" 09:00:00+08\n");
                    for (int j = 0; j < g.addresses().size(); j++) {
                        Addr ad = g.addresses().get(j);
                        a.append(id).append('\t').append(j).append('\t').append(ad.community().code().value()).append('\t')
                                .append(esc(ad.text())).append('\t').append(ad.location().lat()).append('\t')
                                .append(ad.location().lng()).append('\t').append(j == 0 ? 't' : 'f').append('\n');
                    }
                    for (int j = 0; j < g.contacts().size(); j++) {
                        Contact ct = g.contacts().get(j);
                        c.append(id).append('\t').append(j).append('\t').append(esc(ct.name())).append('\t')
                                .append(esc(ct.relation())).append('\t').append(ct.phone()).append('\n');
                    }
                    h.append(id).append("\tACTIVE\t\\N\t").append(g.registered()).append('\t')
                            .append(g.registered()).append(" 09:00:00+08\tdemo\n");
                    if (g.status() != ElderStatus.ACTIVE) {
                        h.append(id).append('\t').append(g.status().name()).append('\t').append(esc(g.statusReason()))
                                .append('\t').append(g.statusSince()).append('\t').append(g.statusSince())
                                .append(" 09:00:00+08\tdemo\n");
                    }
                }
                copy.copyIn("""
                        copy elder (id, name, name_grams, id_number_enc, id_number_hmac, id_number_masked, sex, birth_date, phones,
                                    phone_tails, region_code, living_situation, categories, status, status_since, created_at,
                                    updated_at) from stdin""", new StringReader(e.toString()));
                copy.copyIn("copy elder_address (elder_id, position, region_code, address, lat, lng, is_primary) from stdin",
                        new StringReader(a.toString()));
                copy.copyIn("copy elder_contact (elder_id, position, name, relation, phone) from stdin",
                        new StringReader(c.toString()));
                copy.copyIn("copy elder_status_history (elder_id, status, reason, effective_date, changed_at, changed_by) from stdin",
                        new StringReader(h.toString()));
            }
        } catch (SQLException | IOException ex) {
            throw new IllegalStateException("Could not copy the demo elders", ex);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        jdbc.sql("analyze elder").update();
        jdbc.sql("analyze elder_address").update();
        return first;
    }

    private static String array(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    /** A text[] literal with every element quoted, escaped for COPY's text format. */
    private static String quotedArray(String[] values) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) sb.append(',');
            sb.append('"').append(values[i].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return esc(sb.append('}').toString());
    }

    private static String esc(String s) {
        if (s == null) {
            return "\\N";
        }
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
