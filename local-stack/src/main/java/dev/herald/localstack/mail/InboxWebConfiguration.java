package dev.herald.localstack.mail;

import dev.herald.localstack.run.Component;
import dev.herald.localstack.run.ConditionalOnComponent;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The inbox page and its JSON API, served when the local run runs the SMTP server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnComponent(Component.SMTP)
@Import({ InboxPageController.class, InboxApiController.class })
public class InboxWebConfiguration {

}
