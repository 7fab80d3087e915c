package org.yiyang.subsidy;

import java.util.Locale;

/** A benefit the bureau grants (高龄津贴 …), with its name in Chinese and English. */
public record Benefit(String code, String nameZh, String nameEn) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
