package dev.herald.ingest.security;

import java.net.URI;
import java.util.HexFormat;
import java.util.List;

import dev.herald.ingest.IngestProperties;
import dev.herald.ingest.IngestProperties.ApiKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ApiKeys}.
 */
class ApiKeysTests {

	private final ApiKeys keys = new ApiKeys(properties(new ApiKey("dev-operator", ApiKeys.DEVELOPMENT_KEY_SHA256),
			new ApiKey("press-office", HexFormat.of().formatHex(ApiKeys.sha256("press-key")).toUpperCase())));

	@Test
	void developmentKeyHashShouldBeTheSha256OfTheDocumentedKey() {
		assertThat(HexFormat.of().formatHex(ApiKeys.sha256("dev-key-change-me")))
			.isEqualTo(ApiKeys.DEVELOPMENT_KEY_SHA256);
	}

	@Test
	void operatorForKnownKeyShouldBeItsOperator() {
		assertThat(this.keys.operatorFor("dev-key-change-me")).contains(new Operator("dev-operator"));
		assertThat(this.keys.operatorFor("press-key")).contains(new Operator("press-office"));
	}

	@Test
	void operatorForUnknownKeyShouldBeEmpty() {
		assertThat(this.keys.operatorFor("dev-key-change-m")).isEmpty();
		assertThat(this.keys.operatorFor("")).isEmpty();
		assertThat(this.keys.operatorFor(ApiKeys.DEVELOPMENT_KEY_SHA256)).isEmpty();
	}

	@Test
	void operatorForWhenNoKeysAreConfiguredShouldBeEmpty() {
		assertThat(new ApiKeys(properties()).operatorFor("dev-key-change-me")).isEmpty();
	}

	private static IngestProperties properties(ApiKey... keys) {
		return new IngestProperties("herald.records.v1", 6, URI.create("http://localhost:8082"),
				URI.create("/herald/ingest-service"), null, List.of(keys), null, null);
	}

}
