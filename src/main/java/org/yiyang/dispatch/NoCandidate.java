package org.yiyang.dispatch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.yiyang.provider.CaregiverSkill;

/**
 * Nobody qualified. {@code eliminatedBy} is the filter that removed the last caregivers still in
 * the running (filters applied in {@link DispatchFilter} order); {@code eliminated} counts how many
 * caregivers each filter removed. {@link #reason} turns it into the dispatcher's sentence, e.g.
 * "没有在该时段内、5 公里内具备助浴技能的护理员" / "no caregiver with Bathing within 5 km in that window".
 */
public record NoCandidate(DispatchFilter eliminatedBy, CaregiverSkill skill, double radiusMeters, LocalDate day,
                          Map<DispatchFilter, Integer> eliminated) implements DispatchResult {

    public NoCandidate {
        EnumMap<DispatchFilter, Integer> copy = new EnumMap<>(DispatchFilter.class);
        copy.putAll(eliminated);
        eliminated = Collections.unmodifiableMap(copy);
    }

    /** The message key of the reason: {@code dispatch.no-candidate.skill}, {@code ….too-far}, … */
    public String messageKey() {
        return "dispatch.no-candidate." + eliminatedBy.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Arguments of the reason: the skill's label, the radius in km, the day. */
    public Object[] messageArgs(MessageSource messages, Locale locale) {
        String skillLabel = skill == null
                ? messages.getMessage("dispatch.skill.any", null, locale)
                : messages.getMessage("caregiver.skill." + skill.name(), null, skill.name(), locale);
        String km = BigDecimal.valueOf(radiusMeters / 1000.0).setScale(1, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
        return new Object[] {skillLabel, km, day.toString()};
    }

    /** The reason in the user's language. */
    public String reason(MessageSource messages, Locale locale) {
        return messages.getMessage(messageKey(), messageArgs(messages, locale), locale);
    }
}
