package org.yiyang.subsidy.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yiyang.subsidy.Benefit;
import org.yiyang.subsidy.BenefitEligibility;
import org.yiyang.subsidy.Eligibility;
import org.yiyang.subsidy.EligibilityReason;
import org.yiyang.subsidy.EligibilityRuleView;

/**
 * Puts results, reasons and rules into words in the reader's language:
 * "护理补贴：符合 — 经济困难，能力等级 重度受损（2026-03-02 评估）" /
 * "care subsidy: yes — economic hardship, level severely impaired assessed 2026-03-02".
 * A yes names the conditions met; a no names those that were not.
 */
@Component
class EligibilityTexts {

    private final MessageSource messages;
    private final Eligibility eligibility;

    EligibilityTexts(MessageSource messages, Eligibility eligibility) {
        this.messages = messages;
        this.eligibility = eligibility;
    }

    Map<String, Benefit> benefits() {
        return eligibility.benefits().stream().collect(Collectors.toMap(Benefit::code, Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    String benefitName(String code, Locale locale) {
        Benefit b = benefits().get(code);
        return b == null ? code : b.name(locale);
    }

    String line(String benefitName, BenefitEligibility e, Locale locale) {
        return text("subsidy.line", locale, benefitName, text(e.eligible() ? "subsidy.yes" : "subsidy.no", locale),
                reasons(e, locale));
    }

    /** The reasons that explain the result: the conditions met for a yes, those not met for a no. */
    String reasons(BenefitEligibility e, Locale locale) {
        List<String> parts = new ArrayList<>();
        for (EligibilityReason r : e.reasons()) {
            if (r.met() == e.eligible()) {
                parts.add(reason(r, locale));
            }
        }
        return String.join(text("subsidy.reason.separator", locale), parts);
    }

    String reason(EligibilityReason r, Locale locale) {
        List<String> a = r.args();
        String key = "subsidy.reason." + r.code() + (r.met() ? ".met" : ".unmet");
        return switch (r.code()) {
            case "category" -> text(key, locale, r.met()
                    ? String.join(text("subsidy.list.separator", locale), categories(a, locale))
                    : orList(categories(a, locale), locale));
            case "level" -> r.met() ? text(key, locale, level(a.get(0), locale), a.get(1))
                    : text(key, locale, level(a.get(0), locale), a.get(1), level(a.get(2), locale));
            case "level.none" -> text(key, locale, level(a.get(0), locale));
            case "status" -> text(key, locale, text("elder.status." + a.get(0), locale));
            default -> text(key, locale, a.toArray());
        };
    }

    /** A rule's conditions in one line: "80 岁及以上；经济困难、低保、特困之一；能力等级 中度受损 及以上". */
    String describe(EligibilityRuleView rule, Locale locale) {
        if (!rule.offered()) {
            return text("subsidy.rule.describe.not-offered", locale);
        }
        List<String> parts = new ArrayList<>();
        if (rule.minAge() != null) {
            parts.add(text("subsidy.rule.describe.age", locale, rule.minAge()));
        }
        if (!rule.categories().isEmpty()) {
            parts.add(text("subsidy.rule.describe.categories", locale,
                    String.join(text("subsidy.list.separator", locale), categories(rule.categories(), locale))));
        }
        if (rule.minLevel() != null) {
            parts.add(text("subsidy.rule.describe.level", locale, level(String.valueOf(rule.minLevel()), locale)));
        }
        return parts.isEmpty() ? text("subsidy.rule.describe.all", locale)
                : String.join(text("subsidy.rule.describe.separator", locale), parts);
    }

    String level(String code, Locale locale) {
        return text("subsidy.level." + code, locale);
    }

    /** Category labels; in English lower-cased, as they stand inside a sentence ("yes — economic hardship"). */
    private List<String> categories(List<String> names, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        return names.stream().map(n -> text("elder.category." + n, locale))
                .map(l -> english && !l.isEmpty() ? Character.toLowerCase(l.charAt(0)) + l.substring(1) : l).toList();
    }

    private String orList(List<String> labels, Locale locale) {
        if (labels.size() <= 1) {
            return String.join("", labels);
        }
        String sep = text("subsidy.list.separator", locale);
        String or = text("subsidy.reason.category.or", locale);
        return String.join(sep, labels.subList(0, labels.size() - 1)) + ("en".equals(locale.getLanguage()) ? " " + or + " " : or)
                + labels.getLast();
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
