package org.yiyang.provider.internal;

import java.math.BigDecimal;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.identity.NewUser;
import org.yiyang.identity.Role;
import org.yiyang.identity.UserAccounts;
import org.yiyang.provider.FacilityType;
import org.yiyang.provider.ProviderKind;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.DemoSeeder;
import org.yiyang.shared.DemoSettings;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.RegionLevel;
import org.yiyang.shared.UnifiedSocialCreditCode;

/**
 * The demo city's providers: seven organisations per county (two of them home-care providers, so
 * the first organisation is a home-care provider of the first county), one street centre per street
 * (some below standard), community stations or day-care centres in about half the urban
 * communities, canteens, rural happiness homes in about a third of the villages, and twenty
 * institutions; plus the {@code provider} login for the first home-care provider.
 */
@Component
class ProviderDemoSeeder implements DemoSeeder {

    static final String DEMO_PASSWORD = "demo";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProviderDemoSeeder.class);

    /** Per county, in this order; the first is HOME_CARE so the first organisation is one. */
    private static final List<ProviderKind> KINDS_PER_COUNTY = List.of(ProviderKind.HOME_CARE, ProviderKind.INSTITUTION,
            ProviderKind.CANTEEN, ProviderKind.HOME_CARE, ProviderKind.MEDICAL, ProviderKind.HOUSEKEEPING,
            ProviderKind.SOCIAL_WORK);
    private static final String[] BRANDS = {"康乐", "福寿", "安康", "颐和", "夕阳红", "惠民", "仁爱", "德馨", "长青", "百福",
            "乐龄", "康宁", "永安", "和美", "温馨", "鹤年", "福满堂", "松鹤", "孝亲", "善德", "祥瑞", "春晖", "益寿", "敬老",
            "同心", "爱心", "暖阳", "家和", "泰康", "悦享", "金色年华", "厚德", "恒爱", "慈济", "椿萱", "乐享", "康泰", "安泰",
            "常青藤", "天伦", "馨怡", "桑榆"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马",
            "朱", "胡", "郭", "何", "高", "林", "郑"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
            "娟", "涛", "明", "超", "秀英", "桂兰", "建华", "海燕", "志强", "红梅", "国庆"};
    private static final String[] ROADS = {"人民路", "胜利路", "建设路", "中原路", "黄河路", "开州路", "京开大道", "长庆路",
            "文化路", "振兴路", "健康路", "光明路"};
    private static final String[] HOURS = {"08:00-18:00", "08:00-17:30", "周一至周五 08:00-17:30", "07:30-19:00",
            "周一至周六 08:30-17:00"};
    private static final String[] CANTEEN_HOURS = {"10:30-13:00, 16:30-18:30", "11:00-13:00, 17:00-19:00"};

    private final JdbcTemplate jdbc;
    private final RegionDirectory regions;
    private final UserAccounts accounts;

    ProviderDemoSeeder(JdbcTemplate jdbc, RegionDirectory regions, UserAccounts accounts) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.accounts = accounts;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    @Transactional
    public void seed(DemoSettings settings) {
        long start = System.nanoTime();
        Random random = settings.random("provider.facilities");
        List<Region> counties = regions.ofLevel(RegionLevel.COUNTY);
        List<Org> orgs = organisations(counties, random);
        insertOrganisations(orgs);
        List<Long> ids = jdbc.queryForList("select id from provider_org order by id", Long.class);
        for (int i = 0; i < orgs.size(); i++) {
            orgs.get(i).id = ids.get(ids.size() - orgs.size() + i);
        }
        List<NewFacility> facilities = facilities(orgs, random);
        insertFacilities(facilities);
        Org first = orgs.stream().filter(o -> o.kind == ProviderKind.HOME_CARE).findFirst().orElseThrow();
        accounts.create(new NewUser("provider", DEMO_PASSWORD, first.name + " · 管理员", Role.PROVIDER_MANAGER,
                new DataScope.Provider(first.id)));
        log.info("Seeded {} provider organisations and {} facilities in {} ms", orgs.size(), facilities.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** An organisation while it is generated. */
    private static final class Org {
        long id;
        String name;
        String uscc;
        ProviderKind kind;
        Region county;
        RegionCode region;
        String address;
        String contactName;
        String contactPhone;
    }

    private record NewFacility(Long providerId, String name, FacilityType type, RegionCode region, String address,
                               GeoPoint location, BigDecimal area, Integer beds, String hours, String phone) {
    }

    private List<Org> organisations(List<Region> counties, Random random) {
        List<Org> list = new ArrayList<>();
        Set<String> usedBrands = new HashSet<>();
        for (Region county : counties) {
            List<Region> towns = regions.children(county.code());
            for (ProviderKind kind : KINDS_PER_COUNTY) {
                Org o = new Org();
                o.kind = kind;
                o.county = county;
                Region town = towns.isEmpty() ? county : towns.get(random.nextInt(towns.size()));
                o.region = town.code();
                String brand = BRANDS[random.nextInt(BRANDS.length)];
                while (!usedBrands.add(county.code().value() + brand)) {
                    brand = BRANDS[random.nextInt(BRANDS.length)];
                }
                o.name = county.name() + brand + suffix(kind, random);
                o.uscc = uscc(kind, county.code(), random);
                o.address = county.name() + town.name() + ROADS[random.nextInt(ROADS.length)] + (1 + random.nextInt(300)) + "号";
                o.contactName = person(random);
                o.contactPhone = mobile(random);
                list.add(o);
            }
        }
        return list;
    }

    private static String suffix(ProviderKind kind, Random random) {
        return switch (kind) {
            case HOME_CARE -> random.nextBoolean() ? "居家养老服务有限公司" : "养老服务有限公司";
            case INSTITUTION -> random.nextBoolean() ? "养老院" : "颐养中心";
            case CANTEEN -> "餐饮管理有限公司";
            case MEDICAL -> random.nextBoolean() ? "医院" : "社区卫生服务中心";
            case HOUSEKEEPING -> "家政服务有限公司";
            case SOCIAL_WORK -> "社会工作服务中心";
        };
    }

    /**
     * A valid code: registration authority (91 enterprise, 52 民办非企业单位), the county's
     * 6-digit code at positions 3–8, a 9-character organisation code with its GB 11714 check, and
     * the GB 32100 check character.
     */
    static String uscc(ProviderKind kind, RegionCode county, Random random) {
        String authority = switch (kind) {
            case HOME_CARE, CANTEEN, HOUSEKEEPING -> "91";
            case INSTITUTION, MEDICAL, SOCIAL_WORK -> "52";
        };
        StringBuilder org = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            org.append((char) ('0' + random.nextInt(10)));
        }
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (org.charAt(i) - '0') * weights[i];
        }
        int c = 11 - sum % 11;
        org.append(c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c));
        String first17 = authority + county.countyCode() + org;
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    private List<NewFacility> facilities(List<Org> orgs, Random random) {
        Map<String, Map<ProviderKind, List<Org>>> byCounty = new java.util.HashMap<>();
        for (Org o : orgs) {
            byCounty.computeIfAbsent(o.county.code().countyCode(), k -> new EnumMap<>(ProviderKind.class))
                    .computeIfAbsent(o.kind, k -> new ArrayList<>()).add(o);
        }
        List<NewFacility> list = new ArrayList<>();
        int streetNo = 0;
        for (Region town : regions.ofLevel(RegionLevel.TOWN)) {
            Map<ProviderKind, List<Org>> local = byCounty.getOrDefault(town.code().countyCode(), Map.of());
            List<Region> communities = regions.children(town.code());
            if (town.code().isStreet()) {
                // one in five street centres is built too small (a few below the 1,500 m² / 50-bed standard)
                boolean small = streetNo++ % 5 == 2;
                BigDecimal area = small ? BigDecimal.valueOf(800 + random.nextInt(600)) : BigDecimal.valueOf(1500 + random.nextInt(1800));
                int beds = small ? 20 + random.nextInt(25) : 50 + random.nextInt(70);
                list.add(new NewFacility(pickId(local, random, ProviderKind.SOCIAL_WORK, ProviderKind.HOME_CARE),
                        town.name() + "综合养老服务中心", FacilityType.STREET_CENTRE, town.code(), address(town, random),
                        near(town.centroid(), random, 50, 400), area, beds, HOURS[random.nextInt(HOURS.length)], landline(town, random)));
            } else {
                // the town seat's canteen
                list.add(canteen(town, local, random));
            }
            for (Region community : communities) {
                if (!community.isVillage()) {
                    if (random.nextInt(100) < 50) {
                        boolean dayCare = random.nextInt(100) < 45;
                        if (dayCare) {
                            boolean small = random.nextInt(100) < 20;
                            BigDecimal area = BigDecimal.valueOf(small ? 120 + random.nextInt(80) : 200 + random.nextInt(400));
                            int beds = small ? 4 + random.nextInt(6) : 10 + random.nextInt(21);
                            list.add(new NewFacility(pickId(local, random, ProviderKind.HOME_CARE), community.name() + "日间照料中心",
                                    FacilityType.DAY_CARE, community.code(), address(community, random),
                                    near(community.centroid(), random, 30, 300), area, beds, HOURS[random.nextInt(HOURS.length)],
                                    landline(community, random)));
                        } else {
                            BigDecimal area = BigDecimal.valueOf(random.nextInt(100) < 25 ? 180 + random.nextInt(170) : 350 + random.nextInt(450));
                            list.add(new NewFacility(pickId(local, random, ProviderKind.HOME_CARE, ProviderKind.SOCIAL_WORK),
                                    community.name() + "社区养老服务站", FacilityType.COMMUNITY_STATION, community.code(),
                                    address(community, random), near(community.centroid(), random, 30, 300), area,
                                    random.nextInt(4) == 0 ? 2 + random.nextInt(6) : null, HOURS[random.nextInt(HOURS.length)],
                                    landline(community, random)));
                        }
                    }
                    if (random.nextInt(100) < 40) {
                        list.add(canteen(community, local, random));
                    }
                } else if (random.nextInt(3) == 0) {
                    list.add(new NewFacility(null, community.name() + "农村幸福院", FacilityType.RURAL_HOME, community.code(),
                            address(community, random), near(community.centroid(), random, 20, 250),
                            BigDecimal.valueOf(120 + random.nextInt(300)), random.nextInt(3) == 0 ? null : 4 + random.nextInt(12),
                            "08:00-17:00", null));
                }
            }
        }
        list.addAll(institutions(orgs, random));
        return list;
    }

    private NewFacility canteen(Region place, Map<ProviderKind, List<Org>> local, Random random) {
        String name = place.name() + (random.nextBoolean() ? "老年食堂" : "长者助餐点");
        return new NewFacility(pickId(local, random, ProviderKind.CANTEEN), name, FacilityType.CANTEEN, place.code(),
                address(place, random), near(place.centroid(), random, 30, 350), BigDecimal.valueOf(60 + random.nextInt(200)),
                null, CANTEEN_HOURS[random.nextInt(CANTEEN_HOURS.length)], mobile(random));
    }

    /** Twenty institutions: each institution organisation runs two or three, in urban communities of its county. */
    private List<NewFacility> institutions(List<Org> orgs, Random random) {
        List<NewFacility> list = new ArrayList<>();
        List<Org> owners = orgs.stream().filter(o -> o.kind == ProviderKind.INSTITUTION).toList();
        for (int i = 0; i < 20; i++) {
            Org owner = owners.get(i % owners.size());
            List<Region> places = regions.ofLevel(RegionLevel.COMMUNITY).stream()
                    .filter(c -> c.code().countyCode().equals(owner.county.code().countyCode()) && !c.isVillage())
                    .toList();
            Region place = places.get(random.nextInt(places.size()));
            int beds = 40 + random.nextInt(360);
            String name = owner.name.replace("养老院", "").replace("颐养中心", "") + (i < owners.size() ? "" : "第" + (i / owners.size() + 1))
                    + (i < owners.size() ? "颐养院" : "分院");
            list.add(new NewFacility(owner.id, name, FacilityType.INSTITUTION, place.code(), address(place, random),
                    near(place.centroid(), random, 50, 500), BigDecimal.valueOf(beds * (30 + random.nextInt(20))), beds,
                    "全天", landline(place, random)));
        }
        return list;
    }

    private static Long pickId(Map<ProviderKind, List<Org>> local, Random random, ProviderKind... kinds) {
        List<Org> candidates = new ArrayList<>();
        for (ProviderKind k : kinds) {
            candidates.addAll(local.getOrDefault(k, List.of()));
        }
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size())).id;
    }

    private void insertOrganisations(List<Org> orgs) {
        jdbc.batchUpdate("""
                        insert into provider_org (name, uscc, kind, region_code, address, contact_name, contact_phone, status)
                        values (?, ?, ?, ?, ?, ?, ?, 'ACTIVE')""",
                orgs.stream().map(o -> new Object[]{o.name, o.uscc, o.kind.name(), o.region.value(), o.address, o.contactName,
                        o.contactPhone}).toList());
    }

    private void insertFacilities(List<NewFacility> list) {
        jdbc.batchUpdate("""
                        insert into facility (provider_id, name, type, region_code, address, lat, lng, floor_area_m2, beds,
                                              opening_hours, phone, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')""",
                list.stream().map(f -> new Object[]{new SqlParameterValue(Types.BIGINT, f.providerId()), f.name(),
                        f.type().name(), f.region().value(), f.address(), f.location().lat(), f.location().lng(),
                        new SqlParameterValue(Types.NUMERIC, f.area()), new SqlParameterValue(Types.INTEGER, f.beds()),
                        f.hours(), new SqlParameterValue(Types.VARCHAR, f.phone())}).toList());
    }

    private static String address(Region place, Random random) {
        return place.name() + ROADS[random.nextInt(ROADS.length)] + (1 + random.nextInt(200)) + "号";
    }

    private static String person(Random random) {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    }

    private static String mobile(Random random) {
        return "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
    }

    /** 濮阳's area code 0393 and an 8-digit number. */
    private static String landline(Region place, Random random) {
        return "0393" + (4 + random.nextInt(5)) + String.format("%07d", random.nextInt(10_000_000));
    }

    private static GeoPoint near(GeoPoint centre, Random random, double minMeters, double maxMeters) {
        double distance = minMeters + random.nextDouble() * (maxMeters - minMeters);
        double bearing = random.nextDouble() * 2 * Math.PI;
        double dLat = distance * Math.cos(bearing) / 111_320.0;
        double dLng = distance * Math.sin(bearing) / (111_320.0 * Math.cos(Math.toRadians(centre.lat())));
        return new GeoPoint(Math.round((centre.lat() + dLat) * 1e6) / 1e6, Math.round((centre.lng() + dLng) * 1e6) / 1e6);
    }
}
