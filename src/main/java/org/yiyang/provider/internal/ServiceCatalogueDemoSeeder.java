package org.yiyang.provider.internal;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.shared.DemoSeeder;
import org.yiyang.shared.DemoSettings;

/**
 * The demo service catalogue: a fixed list of common home-care services with realistic prices (in
 * fen) and the skill each needs, across every category. Runs before the providers (order 190).
 */
@Component
class ServiceCatalogueDemoSeeder implements DemoSeeder {

    record Item(String code, String name, String nameEn, String category, int minutes, long priceFen, String unit,
                String skill, String description) {
    }

    static final List<Item> ITEMS = List.of(
            new Item("ZC-001", "送餐上门", "Meal delivery", "MEAL", 30, 1500, "MEAL", "MEAL", "按时将助餐点配好的午餐或晚餐送到老人家中"),
            new Item("ZC-002", "助餐点堂食", "Canteen meal", "MEAL", 30, 1000, "MEAL", "MEAL", "在社区长者食堂用餐，含一荤两素一汤"),
            new Item("ZC-003", "上门做饭", "Cooking at home", "MEAL", 90, 4000, "VISIT", "MEAL", "按老人口味和饮食禁忌上门做一餐饭"),
            new Item("ZC-004", "营养配餐指导", "Nutrition advice", "MEAL", 30, 2000, "VISIT", "MEAL", "根据慢病情况给出一周配餐建议"),
            new Item("ZJ-001", "居家保洁（2小时）", "Home cleaning (2 hours)", "CLEANING", 120, 6000, "VISIT", "CLEANING", "客厅、卧室、厨房、卫生间日常清洁"),
            new Item("ZJ-002", "衣物洗涤", "Laundry", "CLEANING", 60, 2500, "VISIT", "CLEANING", "衣物分类洗涤、晾晒、叠放"),
            new Item("ZJ-003", "床单被褥清洗", "Bedding wash", "CLEANING", 60, 3000, "VISIT", "CLEANING", "拆洗床单被罩，晾晒被褥"),
            new Item("ZJ-004", "厨卫深度清洁", "Kitchen and bathroom deep clean", "CLEANING", 180, 12000, "VISIT", "CLEANING", "油烟机、灶台、卫浴设施深度清洁"),
            new Item("ZJ-005", "钟点保洁", "Hourly cleaning", "CLEANING", 60, 3500, "HOUR", "CLEANING", "按小时计费的日常保洁"),
            new Item("ZY-001", "上门助浴", "Bathing at home", "BATHING", 60, 8000, "VISIT", "BATHING", "协助洗浴、更衣，注意防滑防跌倒"),
            new Item("ZY-002", "助浴车上门", "Mobile bath van", "BATHING", 90, 15000, "VISIT", "BATHING", "助浴车到楼下，适合失能卧床老人"),
            new Item("ZY-003", "床上擦浴", "Bed bath", "BATHING", 45, 5000, "VISIT", "BATHING", "为卧床老人床上擦浴、更换衣物"),
            new Item("ZY-004", "洗头理发", "Hair wash and haircut", "BATHING", 40, 2000, "VISIT", "BATHING", "上门洗头、理发、修剪指甲"),
            new Item("ZX-001", "陪同散步", "Accompanied walk", "MOBILITY", 60, 3000, "VISIT", "MOBILITY", "陪同老人在小区内散步、晒太阳"),
            new Item("ZX-002", "轮椅陪护出行", "Wheelchair escort", "MOBILITY", 120, 6000, "VISIT", "MOBILITY", "推轮椅陪同外出办事或参加活动"),
            new Item("ZX-003", "助行辅具适配", "Walking aid fitting", "MOBILITY", 45, 4000, "VISIT", "MOBILITY", "评估并调试拐杖、助行器、轮椅"),
            new Item("ZYI-001", "陪同就医", "Hospital escort", "MEDICAL", 180, 5000, "VISIT", "MEDICAL", "陪同挂号、就诊、检查、取药"),
            new Item("ZYI-002", "代为取药", "Medicine pick-up", "MEDICAL", 60, 2000, "VISIT", "MEDICAL", "凭处方到医院或药店代取药品"),
            new Item("ZYI-003", "用药提醒与指导", "Medication guidance", "MEDICAL", 30, 2000, "VISIT", "MEDICAL", "整理药盒，讲解服药时间与注意事项"),
            new Item("ZYI-004", "测量血压血糖", "Blood pressure and glucose check", "MEDICAL", 20, 1000, "VISIT", "MEDICAL", "测量并记录血压、血糖，异常时告知家属"),
            new Item("ZJJ-001", "紧急呼叫响应", "Emergency call response", "EMERGENCY", 60, 0, "VISIT", "EMERGENCY", "一键呼叫后就近上门查看并协助处置"),
            new Item("ZJJ-002", "紧急呼叫设备安装", "Alarm device installation", "EMERGENCY", 60, 5000, "VISIT", "EMERGENCY", "安装一键呼叫器、烟感、燃气报警器"),
            new Item("ZL-001", "读书读报", "Reading aloud", "RECREATION", 60, 2000, "VISIT", "RECREATION", "为视力不佳的老人读书读报"),
            new Item("ZL-002", "文体活动组织", "Group activity", "RECREATION", 120, 1000, "VISIT", "RECREATION", "在社区组织手工、棋牌、合唱等活动"),
            new Item("ZL-003", "精神慰藉", "Companionship", "RECREATION", 60, 2000, "VISIT", "RECREATION", "陪伴聊天、心理疏导"),
            new Item("XF-001", "巡访关爱", "Caring visit", "VISIT", 30, 0, "VISIT", "VISIT", "上门查看居住安全、身体与精神状况"),
            new Item("XF-002", "电话关爱", "Phone check-in", "VISIT", 10, 0, "VISIT", "VISIT", "定期电话问候，了解近况"),
            new Item("XF-003", "特殊困难老人月探访", "Monthly visit to elders in special difficulty", "VISIT", 45, 0, "VISIT", "VISIT", "每月至少一次上门探访并记录"),
            new Item("HL-001", "基础生活照料", "Basic personal care", "NURSING", 60, 5000, "HOUR", "NURSING", "协助起居、进食、如厕、更衣"),
            new Item("HL-002", "压疮预防护理", "Pressure sore prevention", "NURSING", 45, 6000, "VISIT", "NURSING", "翻身、皮肤检查与护理"),
            new Item("HL-003", "协助进食", "Feeding assistance", "NURSING", 30, 2500, "VISIT", "NURSING", "为吞咽困难或失能老人协助进食"),
            new Item("HL-004", "夜间陪护", "Overnight care", "NURSING", 600, 20000, "VISIT", "NURSING", "晚 8 点至次日早 6 点陪护"),
            new Item("KF-001", "康复训练指导", "Rehabilitation exercise", "REHAB", 60, 8000, "VISIT", "REHAB", "肢体功能训练与居家康复计划"),
            new Item("KF-002", "推拿按摩", "Therapeutic massage", "REHAB", 45, 6000, "VISIT", "REHAB", "缓解肌肉酸痛的保健推拿"),
            new Item("KF-003", "失能老人康复护理", "Rehabilitation nursing for disabled elders", "REHAB", 60, 10000, "VISIT", "REHAB", "针对失能老人的关节活动度训练与护理"),
            new Item("DB-001", "代购生活用品", "Shopping for daily needs", "ERRAND", 60, 1500, "VISIT", "ERRAND", "代购米面油、蔬果、日用品"),
            new Item("DB-002", "代缴水电燃气费", "Paying utility bills", "ERRAND", 30, 1000, "VISIT", "ERRAND", "代缴水、电、燃气、电话费"),
            new Item("DB-003", "代办证件业务", "Paperwork on the elder's behalf", "ERRAND", 120, 3000, "VISIT", "ERRAND", "代办社保认证、证件换领等"),
            new Item("SL-001", "适老化改造评估", "Home adaptation assessment", "ADAPTATION", 90, 0, "VISIT", null, "上门评估居家环境安全风险"),
            new Item("SL-002", "安装扶手", "Grab rail installation", "ADAPTATION", 120, 30000, "VISIT", null, "卫生间、走廊安装扶手"),
            new Item("SL-003", "地面防滑处理", "Anti-slip flooring", "ADAPTATION", 240, 80000, "VISIT", null, "卫生间、厨房地面防滑处理"),
            new Item("RJ-001", "日间照料（全天）", "Day care (full day)", "DAY_CARE", 480, 5000, "VISIT", "NURSING", "日间照料中心全天托养，含午餐午休"),
            new Item("RJ-002", "日间照料（半天）", "Day care (half day)", "DAY_CARE", 240, 3000, "VISIT", "NURSING", "日间照料中心半天托养"));

    private final JdbcTemplate jdbc;

    ServiceCatalogueDemoSeeder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 190;
    }

    @Override
    @Transactional
    public void seed(DemoSettings settings) {
        jdbc.batchUpdate("""
                        insert into service_item (code, name, name_en, category, standard_minutes, price_fen, unit,
                                                  required_skill, description, active)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, true)
                        on conflict (code) do nothing
                        """,
                ITEMS, ITEMS.size(), (ps, i) -> {
                    ps.setString(1, i.code());
                    ps.setString(2, i.name());
                    ps.setString(3, i.nameEn());
                    ps.setString(4, i.category());
                    ps.setInt(5, i.minutes());
                    ps.setLong(6, i.priceFen());
                    ps.setString(7, i.unit());
                    ps.setString(8, i.skill());
                    ps.setString(9, i.description());
                });
    }
}
