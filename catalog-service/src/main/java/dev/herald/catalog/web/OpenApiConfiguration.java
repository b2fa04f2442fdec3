package dev.herald.catalog.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /v3/api-docs} (Swagger UI at
 * {@code /swagger-ui.html}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI catalogOpenApi() {
		return new OpenAPI().info(new Info().title("Herald catalog API")
			.version("v1")
			.description("Search and read the published records of official meetings and statements: by words "
					+ "(English and Russian word forms), topic, kind, organization, document symbol, date and "
					+ "language, newest first with keyset pagination; the topic taxonomy with counts; and Atom "
					+ "feeds of the same searches. Errors are application/problem+json problems whose "
					+ "'parameter' names the offending parameter."));
	}

}
