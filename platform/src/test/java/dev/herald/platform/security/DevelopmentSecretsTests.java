package dev.herald.platform.security;

import dev.herald.platform.security.DevelopmentSecrets.DevelopmentSecretException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class DevelopmentSecretsTests {

	private static final String DEV_TOKEN_SECRET = "dev-token-secret-change-me-0123456789abcdef";

	private static final String DEV_OPERATOR_KEY_SHA256 = "57c8139db7290a9064aa57837c951138a32df40cca3aca526319f55651368823";

	private final DevelopmentSecrets guard = new DevelopmentSecrets();

	@Test
	void aPublishedSecretWithoutTheLocalOrDemoProfileShouldBeRefusedNamingEachSetting() {
		MockEnvironment environment = new MockEnvironment().withProperty("herald.notify.token-secret", DEV_TOKEN_SECRET)
			.withProperty("herald.ingest.api-keys[1].sha256", DEV_OPERATOR_KEY_SHA256)
			.withProperty("herald.notify.public-base-url", "https://alerts.example.org");
		environment.setActiveProfiles("production");

		assertThatExceptionOfType(DevelopmentSecretException.class)
			.isThrownBy(() -> this.guard.postProcessEnvironment(environment, new SpringApplication()))
			.withMessageContaining("herald.notify.token-secret (HERALD_NOTIFY_TOKEN_SECRET)")
			.withMessageContaining("herald.ingest.api-keys[1].sha256 (HERALD_INGEST_API_KEYS_1_SHA256)")
			.withMessageNotContaining("public-base-url")
			.satisfies((ex) -> assertThat(ex.properties()).containsExactlyInAnyOrder("herald.notify.token-secret",
					"herald.ingest.api-keys[1].sha256"));
	}

	@Test
	void aSecretInAnEnvironmentVariableReadByRelaxedBindingShouldBeRefused() {
		MockEnvironment environment = new MockEnvironment().withProperty("HERALD_MANAGEMENT_KEY_SHA256",
				"a026e2b42e9e8c24a518e1366b0ca7fd386f9f75d5e55731238c047774e23103");

		assertThatExceptionOfType(DevelopmentSecretException.class)
			.isThrownBy(() -> this.guard.postProcessEnvironment(environment, new SpringApplication()))
			.withMessageContaining("Refusing to start: HERALD_MANAGEMENT_KEY_SHA256 holds");
	}

	@Test
	void aSecretReachedThroughAPlaceholderShouldBeRefusedToo() {
		MockEnvironment environment = new MockEnvironment().withProperty("herald.notify.token-secret",
				"${HERALD_NOTIFY_TOKEN_SECRET:" + DEV_TOKEN_SECRET + "}");

		assertThatExceptionOfType(DevelopmentSecretException.class)
			.isThrownBy(() -> this.guard.postProcessEnvironment(environment, new SpringApplication()));
	}

	@Test
	void theLocalAndDemoProfilesShouldAcceptThePublishedSecrets() {
		for (String profile : new String[] { "local", "demo" }) {
			MockEnvironment environment = new MockEnvironment().withProperty("herald.notify.token-secret",
					DEV_TOKEN_SECRET);
			environment.setActiveProfiles(profile);
			assertThatNoException()
				.isThrownBy(() -> this.guard.postProcessEnvironment(environment, new SpringApplication()));
		}
	}

	@Test
	void ownSecretsShouldBeAccepted() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("herald.notify.token-secret", "a2f1c0e9b8d7a6f5e4d3c2b1a0f9e8d7c6b5a4f3")
			.withProperty("herald.notify.admin-key-sha256",
					"1f3d5b7a9c0e2f4d6b8a0c2e4f6d8b0a2c4e6f8d0b2a4c6e8f0d2b4a6c8e0f2d");

		assertThatNoException()
			.isThrownBy(() -> this.guard.postProcessEnvironment(environment, new SpringApplication()));
	}

	@Test
	void theFailureAnalysisShouldSayWhichVariablesToSet() {
		FailureAnalysis analysis = new DevelopmentSecretFailureAnalyzer()
			.analyze(new DevelopmentSecretException(java.util.Set.of("herald.notify.admin-key-sha256")));

		assertThat(analysis.getDescription())
			.contains("herald.notify.admin-key-sha256 (environment variable HERALD_NOTIFY_ADMIN_KEY_SHA256)");
		assertThat(analysis.getAction()).contains("openssl rand -hex 32");
	}

}
