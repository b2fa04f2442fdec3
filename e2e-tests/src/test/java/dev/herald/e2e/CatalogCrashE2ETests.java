package dev.herald.e2e;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The catalog process is killed with SIGKILL twice while records arrive at a steady rate;
 * in the end every accepted record is in the catalog exactly once.
 */
@ExtendWith(HeraldSystemExtension.class)
class CatalogCrashE2ETests {

	private static final int RECORDS = 2000;

	@Test
	void catalogKilledTwiceWhileRecordsArriveShouldEndWithEveryAcceptedRecordExactlyOnce(HeraldSystem system) {
		String organization = "Crash check " + UUID.randomUUID().toString().substring(0, 8);
		Catalog catalog = new Catalog(system);
		try (Poster poster = new Poster(system, RECORDS, Duration.ofMillis(25),
				(number) -> Records.plain(organization, number))) {
			killAndRestartOnceAccepted(system, poster, 300);
			killAndRestartOnceAccepted(system, poster, 1100);
			await().atMost(Duration.ofMinutes(3)).until(poster::finished);

			List<String> accepted = poster.accepted();
			List<String> stored = await().atMost(Duration.ofMinutes(3))
				.until(() -> catalog.ids("organization=" + Catalog.encode(organization)),
						(ids) -> ids.size() >= accepted.size());
			System.out.printf("catalog crash: posted %d, accepted %d, answers by status %s, stored %d, distinct %d%n",
					poster.posted(), accepted.size(), poster.statuses(), stored.size(), new HashSet<>(stored).size());
			assertThat(poster.posted()).isEqualTo(RECORDS);
			assertThat(accepted).hasSize(RECORDS);
			assertThat(stored).as("stored exactly once each").doesNotHaveDuplicates();
			assertThat(stored).containsExactlyInAnyOrderElementsOf(accepted);
		}
	}

	private static void killAndRestartOnceAccepted(HeraldSystem system, Poster poster, int accepted) {
		await().atMost(Duration.ofMinutes(2)).until(() -> poster.accepted().size() >= accepted);
		system.catalogService().kill();
		system.restart(system.catalogService());
	}

}
