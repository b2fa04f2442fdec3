package dev.herald.notify.admin;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the admin API behind the admin key.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = AdminWebConfiguration.SECURITY_SCHEME, type = SecuritySchemeType.APIKEY,
		in = SecuritySchemeIn.HEADER, paramName = AdminKeyInterceptor.HEADER)
class AdminWebConfiguration implements WebMvcConfigurer {

	static final String SECURITY_SCHEME = "adminKey";

	private final AdminKeyInterceptor adminKey;

	AdminWebConfiguration(AdminKeyInterceptor adminKey) {
		this.adminKey = adminKey;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.adminKey).addPathPatterns("/api/v1/admin/**");
	}

}
