package dev.herald.platform.security;

import java.util.stream.Collectors;

import dev.herald.platform.security.DevelopmentSecrets.DevelopmentSecretException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says which settings to provide when a service refused a published development secret.
 */
class DevelopmentSecretFailureAnalyzer extends AbstractFailureAnalyzer<DevelopmentSecretException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DevelopmentSecretException cause) {
		String settings = cause.properties()
			.stream()
			.map((property) -> property.equals(DevelopmentSecrets.variable(property))
					? "    environment variable " + property
					: "    " + property + " (environment variable " + DevelopmentSecrets.variable(property) + ")")
			.collect(Collectors.joining("\n"));
		return new FailureAnalysis(
				"These settings hold a development secret that Herald publishes, so they protect nothing:\n" + settings,
				"Provide your own value for each setting above (a random one, such as `openssl rand -hex 32`; for "
						+ "a key's SHA-256, `printf %s \"$KEY\" | sha256sum`). Only the '" + DevelopmentSecrets.LOCAL
						+ "' profile (./herald run, the tests) and the '" + DevelopmentSecrets.DEMO
						+ "' profile (a throwaway demonstration) accept them.",
				cause);
	}

}
