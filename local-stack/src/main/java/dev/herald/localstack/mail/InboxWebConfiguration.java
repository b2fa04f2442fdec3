package dev.herald.localstack.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The inbox page and its JSON API, served when the local run has a web server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@Import({ InboxPageController.class, InboxApiController.class })
public class InboxWebConfiguration {

}
