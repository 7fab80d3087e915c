package org.yiyang.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI yiyangOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Yiyang (颐养) API").version("v1")
                        .description("""
                                Regional smart elderly-care service and supervision platform. JSON, UTF-8, times in
                                ISO-8601 with offset, money in fen, coordinates {"lat","lng"} (WGS-84). Lists take
                                page/size (size <= 500). Errors are application/problem+json with a stable `code`.
                                Every call is scoped to the caller's region, provider or elder; a record outside it
                                is 404. POSTs that create things accept an Idempotency-Key header.""")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
