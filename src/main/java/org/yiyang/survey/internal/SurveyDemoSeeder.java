package org.yiyang.survey.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yiyang.elder.ElderAge;
import org.yiyang.elder.ElderCategory;
import org.yiyang.elder.ElderProfile;
import org.yiyang.elder.ElderProfiles;
import org.yiyang.elder.ElderStatus;
import org.yiyang.region.Region;
import org.yiyang.region.RegionDirectory;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.DemoSeeder;
import org.yiyang.shared.DemoSettings;
import org.yiyang.shared.RegionLevel;
import org.yiyang.survey.QuestionKind;
import org.yiyang.survey.ResponseChannel;
import org.yiyang.survey.Survey;

/**
 * The demo city's needs survey: "居家养老服务需求调查", published by the city, with a few thousand
 * responses of randomly chosen active elders whose answers lean the way their circumstances do
 * (living alone: emergency help and company; disabled: nursing, bathing, medical escort; hardship:
 * little or nothing paid out of pocket), so that the results by region and category show something.
 * Deterministic for the seed (the answer times count back from the day of seeding).
 */
@Component
class SurveyDemoSeeder implements DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(SurveyDemoSeeder.class);
    static final String TITLE = "居家养老服务需求调查";

    static final List<String> SERVICES = List.of("助餐", "助浴", "助洁", "助行", "助急（紧急呼叫）", "助医（陪同就医）", "康复护理",
            "日间照料", "精神慰藉（探访聊天）");
    private static final double[] SERVICE_BASE = {0.35, 0.10, 0.25, 0.10, 0.18, 0.22, 0.08, 0.10, 0.15};
    static final List<String> PLACES = List.of("在家里（上门服务）", "社区养老服务站", "日间照料中心", "养老机构");
    static final List<String> FEES = List.of("不愿自付", "100 元以下", "100–300 元", "300–500 元", "500 元以上");
    private static final String[] REMARKS = {"希望助餐点离家近一些", "希望有人定期上门看看", "子女不在身边，希望有紧急呼叫设备",
            "希望上门理发", "希望社区多组织活动", "腿脚不便，希望有人陪同去医院", "希望补贴能多一些", "服务人员态度很好",
            "希望服务时间更灵活", "希望能在家做康复训练"};

    private final SurveyRepository repository;
    private final ElderProfiles profiles;
    private final RegionDirectory regions;

    SurveyDemoSeeder(SurveyRepository repository, ElderProfiles profiles, RegionDirectory regions) {
        this.repository = repository;
        this.profiles = profiles;
        this.regions = regions;
    }

    @Override
    public int order() {
        return 710;
    }

    @Override
    public void seed(DemoSettings settings) {
        long start = System.nanoTime();
        Random random = settings.random("survey");
        Region city = regions.ofLevel(RegionLevel.CITY).getFirst();
        long id = repository.insert(0, 1, TITLE, "了解辖区老年人最需要哪些居家养老服务、希望在哪里接受服务、能承担多少费用，为服务设施布局和补贴政策提供依据。",
                city.code().value(), city.code().prefix(), "city");
        repository.replaceQuestions(id, List.of(
                new SurveyRepository.QuestionDraft(QuestionKind.MULTIPLE, "您最需要哪些居家养老服务？（可多选）", true, SERVICES),
                new SurveyRepository.QuestionDraft(QuestionKind.SINGLE, "您更希望在哪里接受养老服务？", true, PLACES),
                new SurveyRepository.QuestionDraft(QuestionKind.SINGLE, "每月能接受的自付费用是多少？", true, FEES),
                new SurveyRepository.QuestionDraft(QuestionKind.SCALE, "您对现在的社区养老服务满意吗？（1 很不满意，5 很满意）", true, List.of()),
                new SurveyRepository.QuestionDraft(QuestionKind.TEXT, "您还有什么意见和建议？", false, List.of())));
        repository.publish(id, id);
        List<Survey.Question> questions = repository.questions(id);

        List<ElderProfile> active = new ArrayList<>();
        DataScope scope = DataScope.region(city.code().prefix());
        long after = 0;
        while (true) {
            List<ElderProfile> page = profiles.page(scope, after, 10_000);
            page.stream().filter(p -> p.status() == ElderStatus.ACTIVE).forEach(active::add);
            if (page.size() < 10_000) {
                break;
            }
            after = page.getLast().id();
        }
        int n = Math.min(active.size(), settings.size() == DemoSettings.Size.LARGE ? 15_000 : 3_000);
        Collections.shuffle(active, random);
        List<ElderProfile> chosen = active.subList(0, n);

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Instant now = Instant.now();
        List<Long> elderIds = new ArrayList<>();
        List<String> regionCodes = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<Boolean> advanced = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        List<String> by = new ArrayList<>();
        List<Instant> at = new ArrayList<>();
        List<List<SurveyRepository.AnswerRow>> answers = new ArrayList<>();
        for (ElderProfile p : chosen) {
            Set<ElderCategory> cats = p.categories().isEmpty() ? EnumSet.noneOf(ElderCategory.class) : EnumSet.copyOf(p.categories());
            boolean old = ElderAge.on(p.birthDate(), today).isAdvanced();
            boolean family = random.nextDouble() < 0.2;
            elderIds.add(p.id());
            regionCodes.add(p.regionCode());
            categories.add("{" + String.join(",", cats.stream().map(Enum::name).toList()) + "}");
            advanced.add(old);
            channels.add((family ? ResponseChannel.FAMILY : ResponseChannel.OPERATOR).name());
            by.add(family ? "family" : "operator");
            at.add(now.minusSeconds(60L + random.nextInt(30 * 24 * 3600)));
            answers.add(answers(questions, cats, old, random));
        }
        List<Long> responseIds = repository.insertResponses(id, elderIds, regionCodes, categories, advanced, channels, by, at);
        repository.insertAnswers(responseIds, answers);
        log.info("Demo survey: {} responses in {} ms", n, (System.nanoTime() - start) / 1_000_000);
    }

    private static List<SurveyRepository.AnswerRow> answers(List<Survey.Question> q, Set<ElderCategory> cats, boolean old, Random random) {
        boolean alone = cats.contains(ElderCategory.LIVING_ALONE);
        boolean emptyNest = cats.contains(ElderCategory.EMPTY_NEST);
        boolean disabled = cats.contains(ElderCategory.DISABLED) || cats.contains(ElderCategory.SEVERE_DISABILITY);
        boolean poor = cats.contains(ElderCategory.ECONOMIC_HARDSHIP) || cats.contains(ElderCategory.SUBSISTENCE_ALLOWANCE)
                || cats.contains(ElderCategory.EXTREME_POVERTY);
        List<SurveyRepository.AnswerRow> out = new ArrayList<>();

        double[] p = SERVICE_BASE.clone();
        if (alone) { p[4] += 0.40; p[8] += 0.30; p[0] += 0.15; }
        if (emptyNest) { p[0] += 0.20; p[8] += 0.20; }
        if (disabled) { p[6] += 0.45; p[1] += 0.35; p[5] += 0.25; p[7] += 0.10; }
        if (old) { p[5] += 0.20; p[3] += 0.20; p[4] += 0.10; }
        List<Survey.Option> services = q.get(0).options();
        int best = 0;
        boolean any = false;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
            if (random.nextDouble() < Math.min(0.95, p[i])) {
                out.add(new SurveyRepository.AnswerRow(q.get(0).id(), services.get(i).id(), null, null));
                any = true;
            }
        }
        if (!any) {
            out.add(new SurveyRepository.AnswerRow(q.get(0).id(), services.get(best).id(), null, null));
        }

        double[] place = disabled ? new double[]{0.70, 0.10, 0.10, 0.10} : alone ? new double[]{0.45, 0.30, 0.15, 0.10}
                : new double[]{0.40, 0.35, 0.20, 0.05};
        out.add(new SurveyRepository.AnswerRow(q.get(1).id(), q.get(1).options().get(pick(place, random)).id(), null, null));

        double[] fee = poor ? new double[]{0.50, 0.35, 0.12, 0.03, 0.0} : new double[]{0.15, 0.30, 0.32, 0.15, 0.08};
        out.add(new SurveyRepository.AnswerRow(q.get(2).id(), q.get(2).options().get(pick(fee, random)).id(), null, null));

        double[] satisfaction = alone ? new double[]{0.06, 0.14, 0.32, 0.32, 0.16} : new double[]{0.03, 0.08, 0.27, 0.40, 0.22};
        out.add(new SurveyRepository.AnswerRow(q.get(3).id(), null, pick(satisfaction, random) + 1, null));

        if (random.nextDouble() < 0.15) {
            out.add(new SurveyRepository.AnswerRow(q.get(4).id(), null, null, REMARKS[random.nextInt(REMARKS.length)]));
        }
        return out;
    }

    private static int pick(double[] weights, Random random) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
