package dev.herald.ingest.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /v3/api-docs} (Swagger UI at
 * {@code /swagger-ui.html}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI ingestOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Herald ingest API")
				.version("v1")
				.description("Operators post official meeting and statement records. A record is accepted (202) only "
						+ "after Kafka acknowledged it; every refusal is an application/problem+json problem that "
						+ "names what to fix."))
			.components(new Components().addSecuritySchemes("apiKey", new SecurityScheme()
				.type(SecurityScheme.Type.HTTP)
				.scheme("bearer")
				.bearerFormat("API key")
				.description(
						"Authorization: Bearer <operator API key>. The local run accepts " + "dev-key-change-me.")));
	}

}
