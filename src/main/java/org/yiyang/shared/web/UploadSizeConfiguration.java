package org.yiyang.shared.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
class UploadSizeConfiguration {

    /** Before everything else, Spring Security included: an oversized body is refused unread. */
    @Bean
    FilterRegistrationBean<UploadSizeFilter> uploadSizeFilter(
            @Value("${spring.servlet.multipart.max-request-size:11MB}") DataSize max, MessageSource messages, LocaleResolver locales) {
        FilterRegistrationBean<UploadSizeFilter> registration =
                new FilterRegistrationBean<>(new UploadSizeFilter(max.toBytes(), messages, locales));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
