package org.yiyang.shared.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    /** After Spring Security's chain (order -100), so the caller is known. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(JdbcClient jdbc, MessageSource messages, LocaleResolver locales) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(jdbc, messages, locales));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(0);
        return registration;
    }

    @Bean
    IdempotencyRecordCleaner idempotencyRecordCleaner(JdbcClient jdbc) {
        return new IdempotencyRecordCleaner(jdbc);
    }

    /** Keys are kept for 7 days; every node may run this, the delete is idempotent. */
    static class IdempotencyRecordCleaner {
        private final JdbcClient jdbc;

        IdempotencyRecordCleaner(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
        void removeExpired() {
            jdbc.sql("delete from idempotency_record where created_at < now() - interval '7 days'").update();
        }
    }
}
