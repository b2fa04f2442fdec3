package dev.herald.notify.console;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

import dev.herald.notify.NotifyProperties;
import dev.herald.notify.admin.AdminKey;
import dev.herald.notify.ratelimit.ClientAddresses;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * The console's sign-in: an operator names themselves and gives the admin key; the
 * session that follows (an HttpOnly, SameSite=Strict cookie, a new session id at sign-in,
 * the idle timeout of {@code server.servlet.session.timeout}) carries them, and every
 * form carries a CSRF token. Only {@code /console/**} is secured here: the public pages,
 * the API (the admin API has its own key header) and actuator are left as they are.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurity {

	/** The console's only role. */
	static final String ROLE = "OPERATOR";

	/** A name an operator may sign in with: letters, digits and a few separators. */
	static final Pattern OPERATOR_NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._@-]{0,63}");

	@Bean
	SecurityFilterChain console(HttpSecurity http, ConsoleAudit audit, ClientAddresses clients, Clock clock,
			@Value("${server.servlet.session.timeout:30m}") Duration idleTimeout) throws Exception {
		http.securityMatcher("/console", "/console/**")
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/console/sign-in").permitAll().anyRequest().hasRole(ROLE))
			.formLogin((form) -> form.loginPage("/console/sign-in")
				.usernameParameter("operator")
				.passwordParameter("key")
				.successHandler(new Audited(audit, clients))
				.failureHandler(new FailedSignIn(audit, clients)))
			.logout((logout) -> logout.logoutUrl("/console/sign-out")
				.logoutSuccessUrl("/console/sign-in?signed-out")
				.addLogoutHandler((request, response, authentication) -> {
					if (authentication != null) {
						audit.record(authentication.getName(), clients.of(request), "sign-out", null, "signed out");
					}
				}))
			.addFilterBefore(new SignInThrottle(clients), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new IdleTimeout(idleTimeout, clock), SecurityContextHolderFilter.class)
			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.newSession()))
			.headers((headers) -> headers.contentSecurityPolicy((policy) -> policy
				.policyDirectives("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
						+ "frame-ancestors 'none'; base-uri 'none'"))
				.cacheControl((cache) -> {
				}));
		return http.build();
	}

	/**
	 * Signs in with the admin key under the name the operator gives.
	 * @param properties the settings, with the admin key's hash
	 * @return the provider
	 */
	@Bean
	AuthenticationProvider adminKeyAuthentication(NotifyProperties properties) {
		AdminKey adminKey = new AdminKey(properties);
		return new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication authentication) {
				String operator = authentication.getName();
				Object key = authentication.getCredentials();
				if (operator == null || !OPERATOR_NAME.matcher(operator).matches()) {
					throw new BadCredentialsException("A name of letters and digits, up to 64, is required");
				}
				if (!(key instanceof String text) || !adminKey.matches(text)) {
					throw new BadCredentialsException("Not the admin key");
				}
				return UsernamePasswordAuthenticationToken.authenticated(operator, null,
						AuthorityUtils.createAuthorityList("ROLE_" + ROLE));
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
			}

		};
	}

	private static final class Audited extends SavedRequestAwareAuthenticationSuccessHandler {

		private final ConsoleAudit audit;

		private final ClientAddresses clients;

		Audited(ConsoleAudit audit, ClientAddresses clients) {
			this.audit = audit;
			this.clients = clients;
			setDefaultTargetUrl("/console");
		}

		@Override
		public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
				Authentication authentication) throws ServletException, IOException {
			this.audit.record(authentication.getName(), this.clients.of(request), "sign-in", null, "signed in");
			super.onAuthenticationSuccess(request, response, authentication);
		}

	}

	private static final class FailedSignIn extends SimpleUrlAuthenticationFailureHandler {

		private final ConsoleAudit audit;

		private final ClientAddresses clients;

		FailedSignIn(ConsoleAudit audit, ClientAddresses clients) {
			super("/console/sign-in?error");
			this.audit = audit;
			this.clients = clients;
		}

		@Override
		public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) throws IOException, ServletException {
			String name = request.getParameter("operator");
			String operator = (name != null && OPERATOR_NAME.matcher(name).matches()) ? name : "(unnamed)";
			this.audit.record(operator, this.clients.of(request), "sign-in", null,
					"refused: " + exception.getMessage());
			super.onAuthenticationFailure(request, response, exception);
		}

	}

}
