package org.yiyang.shared.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The console speaks Chinese (zh-CN) unless the browser asks for English (Accept-Language) or the
 * user picked a language with {@code ?lang=en|zh-CN}, which is remembered in a cookie.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        return new ConsoleLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        registry.addInterceptor(interceptor);
    }

    static final class ConsoleLocaleResolver implements LocaleResolver {

        private static final String COOKIE = "yiyang-lang";

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            if (request.getCookies() != null) {
                for (Cookie c : request.getCookies()) {
                    if (COOKIE.equals(c.getName())) {
                        return c.getValue().startsWith("en") ? Locale.ENGLISH : CHINESE;
                    }
                }
            }
            String header = request.getHeader("Accept-Language");
            if (header == null || header.isBlank()) {
                return CHINESE;
            }
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                if (best != null) return best;
                for (Locale.LanguageRange r : Locale.LanguageRange.parse(header)) {
                    if (r.getRange().startsWith("en")) return Locale.ENGLISH;
                    if (r.getRange().startsWith("zh")) return CHINESE;
                }
            } catch (IllegalArgumentException ignored) {
                // an unreadable header: use the default
            }
            return CHINESE;
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            if (response == null) return;
            Cookie cookie = new Cookie(COOKIE, locale != null && locale.getLanguage().equals("en") ? "en" : "zh-CN");
            cookie.setPath("/");
            cookie.setHttpOnly(true);
            cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
            response.addCookie(cookie);
        }
    }
}
