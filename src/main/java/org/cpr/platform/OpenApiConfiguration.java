package org.cpr.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * OpenAPI description of {@code /api/v1}: personal access tokens as bearer credentials.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI cprOpenApi() {
		return new OpenAPI()
			.info(new Info().title("CPR platform API")
				.version("v1")
				.description("Clinician Program for Resilience. Authenticate with a personal access token: "
						+ "Authorization: Bearer cpr_…. Errors are RFC 9457 problem details.")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes("token",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("cpr_…")))
			.addSecurityItem(new SecurityRequirement().addList("token"));
	}

}
