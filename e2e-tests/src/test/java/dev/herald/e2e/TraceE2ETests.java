package dev.herald.e2e;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.herald.e2e.TraceReceiver.ReceivedSpan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace from POST to email: ingest's request span, catalog's store span and notify's
 * send span of one record share a trace id and form one tree rooted at the request, as
 * the services exported them over OTLP. MongoDB commands have spans too.
 */
@ExtendWith(HeraldSystemExtension.class)
class TraceE2ETests {

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	@Test
	void aRecordsRequestStoreAndSendShouldBeOneTree(HeraldSystem system) {
		Inbox inbox = new Inbox(system);
		String run = UUID.randomUUID().toString().substring(0, 8);
		String email = "traced-" + run + "@example.org";
		Http.Response subscribed = Http.postJson(system.notifyUrl() + "/api/v1/subscriptions",
				Map.of("email", email, "topics", List.of("peacekeeping"), "language", "en"));
		assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(202);
		JsonNode confirmation = await().atMost(PATIENCE).until(() -> inbox.to(email), (mail) -> !mail.isEmpty()).get(0);
		assertThat(Http.postForm(inbox.link(confirmation, system.notifyUrl() + "/subscriptions/confirm?token="), "")
			.status()).isEqualTo(200);

		String title = "Traced peacekeeping review " + run;
		Http.Response posted = Http.postAsOperator(system.ingestUrl() + "/api/v1/records",
				Records.aboutPeacekeeping("CSTO", title));
		assertThat(posted.status()).as(posted.body()).isEqualTo(202);
		String recordId = posted.json().get("id").asString();
		await().atMost(PATIENCE)
			.until(() -> inbox.to(email).stream().anyMatch((mail) -> Inbox.subject(mail).endsWith(title)));

		Map<String, ReceivedSpan> trace = await().atMost(PATIENCE)
			.until(() -> traceOf(system.traces().spans(), recordId),
					(spans) -> spans.values()
						.stream()
						.map(ReceivedSpan::name)
						.toList()
						.containsAll(List.of("herald.catalog.store", "herald.notify.match", "herald.notify.send")));

		ReceivedSpan request = only(trace, "ingest-service", "http post /api/v1/records");
		ReceivedSpan store = only(trace, "catalog-service", "herald.catalog.store");
		// One send per subscriber of the topic: other tests' subscribers may follow it
		// too.
		List<ReceivedSpan> sends = trace.values()
			.stream()
			.filter((span) -> span.service().equals("notify-service") && span.name().equals("herald.notify.send"))
			.toList();
		assertThat(sends).as("notify's sends of the record").isNotEmpty();
		assertThat(request.parentId()).as("the request starts the trace").isEmpty();
		assertThat(rootOf(store, trace)).as("the store's root").isEqualTo(request);
		for (ReceivedSpan send : sends) {
			assertThat(rootOf(send, trace)).as("the send's root").isEqualTo(request);
			assertThat(trace.get(send.parentId()).name()).as("the send's parent").isEqualTo("herald.notify.match");
		}
		for (String service : List.of("catalog-service", "notify-service")) {
			assertThat(system.traces().spans()).as("MongoDB command spans of %s", service)
				.anyMatch((span) -> span.service().equals(service)
						&& "mongodb".equals(span.attributes().get("db.system")));
		}
	}

	/** The spans of the trace in which the catalog stored a record, by span id. */
	private static Map<String, ReceivedSpan> traceOf(List<ReceivedSpan> spans, String recordId) {
		String traceId = spans.stream()
			.filter((span) -> span.name().equals("herald.catalog.store")
					&& recordId.equals(span.attributes().get("messaging.kafka.message.key")))
			.map(ReceivedSpan::traceId)
			.findFirst()
			.orElse(null);
		Map<String, ReceivedSpan> trace = new HashMap<>();
		spans.stream()
			.filter((span) -> span.traceId().equals(traceId))
			.forEach((span) -> trace.put(span.spanId(), span));
		return trace;
	}

	private static ReceivedSpan only(Map<String, ReceivedSpan> trace, String service, String name) {
		List<ReceivedSpan> found = trace.values()
			.stream()
			.filter((span) -> span.service().equals(service) && span.name().equals(name))
			.toList();
		assertThat(found).as("%s's %s span in %s", service, name, trace.values()).hasSize(1);
		return found.get(0);
	}

	/**
	 * Follows the parents up to the root; fails if a parent is missing from the trace.
	 */
	private static ReceivedSpan rootOf(ReceivedSpan span, Map<String, ReceivedSpan> trace) {
		ReceivedSpan current = span;
		for (int depth = 0; !current.parentId().isEmpty(); depth++) {
			assertThat(depth).as("depth of %s", span.name()).isLessThan(20);
			ReceivedSpan parent = trace.get(current.parentId());
			assertThat(parent).as("the parent %s of %s in %s", current.parentId(), current.name(), trace.values())
				.isNotNull();
			current = parent;
		}
		return current;
	}

}
