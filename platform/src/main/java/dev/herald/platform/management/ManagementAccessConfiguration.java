package dev.herald.platform.management;

import java.util.List;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The management port's own web context: the {@link ManagementKeyFilter} when
 * {@code herald.management.key-sha256} names the keys (comma-separated hex SHA-256). In
 * the local profile, actuator shares the public port and shows every detail; elsewhere it
 * runs on a port of its own (see {@code herald/platform/operations.yml}).
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty("herald.management.key-sha256")
class ManagementAccessConfiguration {

	@Bean
	FilterRegistrationBean<ManagementKeyFilter> managementKeyFilter(Environment environment) {
		List<String> hashes = List.of(environment.getRequiredProperty("herald.management.key-sha256").split(","));
		return new FilterRegistrationBean<>(new ManagementKeyFilter(hashes));
	}

}
