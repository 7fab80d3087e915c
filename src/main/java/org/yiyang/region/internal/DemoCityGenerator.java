package org.yiyang.region.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.yiyang.region.Region;
import org.yiyang.shared.GeoPoint;
import org.yiyang.shared.RegionCode;
import org.yiyang.shared.RegionLevel;

/**
 * Generates the division tree of the demo city: 濮阳市 (410900), the "1+6" city of source document
 * 001, with its real district and five counties and their real GB/T 2260 codes and approximate
 * seats, and generated streets, towns, townships, communities and villages below them (about 60
 * and 400). Deterministic for the random source it is given.
 */
final class DemoCityGenerator {

    record CountySpec(String code, String name, double lat, double lng, int streets, int towns, int townships) {
    }

    static final List<CountySpec> COUNTIES = List.of(
            new CountySpec("410902", "华龙区", 35.7770, 115.0740, 10, 2, 1),
            new CountySpec("410922", "清丰县", 35.8853, 115.1040, 2, 5, 2),
            new CountySpec("410923", "南乐县", 36.0695, 115.2043, 2, 4, 2),
            new CountySpec("410926", "范县", 35.8519, 115.5043, 2, 4, 2),
            new CountySpec("410927", "台前县", 35.9696, 115.8717, 2, 4, 1),
            new CountySpec("410928", "濮阳县", 35.7124, 115.0290, 2, 6, 3));

    private static final String[] STREET_WORDS = {"胜利路", "建设路", "人民路", "黄河路", "中原路", "长庆路", "大庆路",
            "任丘路", "昆吾", "京开", "开州", "华龙", "振兴", "文化路", "育才路", "东关", "西关", "南关", "北关",
            "城关", "新华", "健康路", "光明路", "工业路", "站前", "孟轲", "龙湖", "濮上"};
    private static final String[] TOWN_WORDS = {"柳屯", "古城", "韩村", "仙庄", "马庄桥", "阳邵", "瓦屋头", "大流",
            "高平", "纸房", "双庙", "六塔", "巩营", "马颊", "固城", "杨村", "陈庄", "龙王庄", "白衣阁", "辛庄", "王楼",
            "张庄", "颜村铺", "高堤", "濮城", "孙口", "打渔陈", "夹河", "吴坝", "侯庙", "清河头", "后方", "骆驼岗",
            "千口", "元村", "近德固", "福堪", "寺庄", "杨集", "白罡", "陆集", "梁庄", "户部寨", "胡状", "庆祖",
            "八公桥", "渠村", "郎中", "子岸", "徐镇", "梨园", "文留", "五星", "习城", "海通", "鲁河", "王称堌"};
    private static final String[] COMMUNITY_WORDS = {"幸福", "和平", "安康", "祥和", "金水", "绿城", "阳光", "东方",
            "锦绣", "怡园", "春晖", "新华", "友谊", "光明", "朝阳", "丽景", "富民", "兴华", "长青", "康宁", "文苑",
            "桂园", "翠微", "明珠", "湖滨", "学府", "龙泽", "福苑", "惠民", "平安", "嘉和", "书香", "盛世", "华庭",
            "滨河", "紫荆", "桃园", "石化", "油田", "振兴", "永安", "德馨", "晨曦", "松柏", "景苑", "水岸"};
    private static final String[] VILLAGE_SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
            "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩",
            "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程"};
    private static final String[] VILLAGE_FORMS = {"庄", "村", "屯", "营", "集", "寨", "楼", "庙", "堤", "口"};
    private static final String[] VILLAGE_PREFIX = {"", "", "", "前", "后", "东", "西", "南", "北", "大", "小", "新"};

    private static final String[] COMMUNITY_SUFFIX = {"", "", "东", "西", "南", "北", "新", "花园", "家园", "里", "苑", "园"};

    private final Random random;
    private final Set<String> usedNames = new HashSet<>();

    DemoCityGenerator(Random random) {
        this.random = random;
    }

    List<Region> generate() {
        List<Region> all = new ArrayList<>();
        RegionCode province = new RegionCode("410000000000");
        RegionCode city = new RegionCode("410900000000");
        all.add(new Region(province, "河南省", RegionLevel.PROVINCE, null, new GeoPoint(34.7657, 113.7532), null));
        all.add(new Region(city, "濮阳市", RegionLevel.CITY, province, new GeoPoint(35.7618, 115.0292), null));
        for (CountySpec spec : COUNTIES) {
            RegionCode county = new RegionCode(spec.code() + "000000");
            GeoPoint seat = new GeoPoint(spec.lat(), spec.lng());
            all.add(new Region(county, spec.name(), RegionLevel.COUNTY, city, seat, null));
            int streetNo = 1;
            for (int i = 0; i < spec.streets(); i++) {
                RegionCode street = code(spec.code(), streetNo++, 0);
                GeoPoint centre = near(seat, 600, spec.streets() > 4 ? 4500 : 2000);
                all.add(new Region(street, unique(() -> pick(STREET_WORDS)) + "街道", RegionLevel.TOWN, county, centre, null));
                int communities = 6 + random.nextInt(6);
                for (int c = 1; c <= communities; c++) {
                    all.add(new Region(code(spec.code(), street, c), unique(() -> pick(COMMUNITY_WORDS) + pick(COMMUNITY_SUFFIX)) + "社区",
                            RegionLevel.COMMUNITY, street, near(centre, 150, 1200), "111"));
                }
            }
            int townNo = 100;
            for (int i = 0; i < spec.towns(); i++) {
                addTown(all, spec, county, seat, code(spec.code(), ++townNo, 0), "镇", "121", 3, 6);
            }
            int townshipNo = 200;
            for (int i = 0; i < spec.townships(); i++) {
                addTown(all, spec, county, seat, code(spec.code(), ++townshipNo, 0), "乡", "210", 3, 5);
            }
        }
        return all;
    }

    private void addTown(List<Region> all, CountySpec spec, RegionCode county, GeoPoint seat, RegionCode town,
                         String suffix, String centreCode, int minVillages, int extraVillages) {
        GeoPoint centre = near(seat, 5000, 16000);
        all.add(new Region(town, unique(() -> pick(TOWN_WORDS)) + suffix, RegionLevel.TOWN, county, centre, null));
        int communityCount = suffix.equals("镇") ? 1 + random.nextInt(2) : 0;
        for (int c = 1; c <= communityCount; c++) {
            all.add(new Region(code(spec.code(), town, c), unique(() -> pick(COMMUNITY_WORDS) + pick(COMMUNITY_SUFFIX)) + "社区",
                    RegionLevel.COMMUNITY, town, near(centre, 100, 800), centreCode));
        }
        int villages = minVillages + random.nextInt(extraVillages);
        for (int v = 1; v <= villages; v++) {
            String name = unique(() -> pick(VILLAGE_PREFIX) + pick(VILLAGE_SURNAMES) + pick(VILLAGE_FORMS)) + "村";
            all.add(new Region(code(spec.code(), town, 200 + v), name, RegionLevel.COMMUNITY, town,
                    near(centre, 800, 4500), "220"));
        }
    }

    private static RegionCode code(String county, int township, int village) {
        return new RegionCode(county + String.format("%03d%03d", township, village));
    }

    private static RegionCode code(String county, RegionCode town, int village) {
        return new RegionCode(town.value().substring(0, 9) + String.format("%03d", village));
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }

    /** Names are unique across the city, so a name alone finds one place in the demo. */
    private String unique(java.util.function.Supplier<String> names) {
        for (int attempt = 0; attempt < 200; attempt++) {
            String name = names.get();
            if (usedNames.add(name)) {
                return name;
            }
        }
        String base = names.get();
        String name = base;
        for (int n = 2; !usedNames.add(name); n++) {
            name = base + n;
        }
        return name;
    }

    private GeoPoint near(GeoPoint centre, double minMeters, double maxMeters) {
        double distance = minMeters + random.nextDouble() * (maxMeters - minMeters);
        double bearing = random.nextDouble() * 2 * Math.PI;
        double dLat = distance * Math.cos(bearing) / 111_320.0;
        double dLng = distance * Math.sin(bearing) / (111_320.0 * Math.cos(Math.toRadians(centre.lat())));
        return new GeoPoint(round(centre.lat() + dLat), round(centre.lng() + dLng));
    }

    private static double round(double v) {
        return Math.round(v * 1_000_000) / 1_000_000.0;
    }
}
