package dev.herald.localstack.mail;

import java.util.List;

import dev.herald.localstack.run.Component;
import dev.herald.localstack.run.ConditionalOnComponent;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * The inbox page and its JSON API, served when the local run runs the SMTP server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnComponent(Component.SMTP)
@Import({ InboxPageController.class, InboxApiController.class })
public class InboxWebConfiguration {

	@Bean
	FilterRegistrationBean<InboxHosts> inboxHosts(@Value("${herald.run.inbox-hosts:}") List<String> hosts) {
		FilterRegistrationBean<InboxHosts> registration = new FilterRegistrationBean<>(new InboxHosts(hosts));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
