package dev.herald.ingest.record;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.herald.contracts.topics.Taxonomy;
import dev.herald.ingest.IngestMetrics;
import dev.herald.ingest.IngestProperties;
import dev.herald.ingest.security.Operator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The operators' endpoints: post one record, or a batch of up to 1,000. A record is
 * answered as accepted only after Kafka acknowledged it.
 */
@RestController
// produces: a client that cannot read the answer is refused before anything is published.
@RequestMapping(path = "/api/v1/records", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Records", description = "Post meeting and statement records")
@SecurityRequirement(name = "apiKey")
@ApiResponse(responseCode = "401", description = "Missing or unknown API key",
		content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
				schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "413", description = "Body over the size limit, or too many records in a batch",
		content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
				schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "415", description = "Unsupported content type",
		content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
				schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503", description = "Kafka did not acknowledge in time; see Retry-After",
		content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
				schema = @Schema(implementation = ProblemDetail.class),
				examples = @ExampleObject(value = ApiExamples.UNAVAILABLE)))
class RecordController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	static final String NDJSON = "application/x-ndjson";

	private final RecordJson json;

	private final RecordIntake intake;

	private final RecordPublisher publisher;

	private final Taxonomy taxonomy;

	private final IngestProperties properties;

	private final IngestMetrics metrics;

	private final Clock clock;

	/** Where the catalog serves a record, less the record's id. */
	private final String recordLocation;

	RecordController(RecordJson json, RecordIntake intake, RecordPublisher publisher, Taxonomy taxonomy,
			IngestProperties properties, IngestMetrics metrics, Clock clock) {
		this.json = json;
		this.intake = intake;
		this.publisher = publisher;
		this.taxonomy = taxonomy;
		this.properties = properties;
		this.metrics = metrics;
		this.clock = clock;
		this.recordLocation = UriComponentsBuilder.fromUri(properties.catalogBaseUrl())
			.path("/api/v1/records/")
			.build()
			.toUriString();
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Post one record",
			description = "Validates the record, assigns its id and topics, and publishes it to Kafka. "
					+ "Answers 202 only after Kafka acknowledged the write.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = IncomingRecord.class),
							examples = { @ExampleObject(name = "meeting", value = ApiExamples.RECORD),
									@ExampleObject(name = "meeting in Russian", value = ApiExamples.RECORD_RU) })))
	@ApiResponse(responseCode = "202", description = "Accepted: Kafka acknowledged the record",
			content = @Content(schema = @Schema(implementation = AcceptedRecord.class),
					examples = @ExampleObject(value = ApiExamples.ACCEPTED)))
	@ApiResponse(responseCode = "400", description = "Invalid record or malformed JSON",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = ApiExamples.INVALID)))
	ResponseEntity<AcceptedRecord> post(HttpServletRequest request,
			@Parameter(hidden = true) @RequestAttribute(Operator.ATTRIBUTE) Operator operator,
			@Parameter(in = ParameterIn.HEADER,
					description = "Your key for this record, 1 to 200 printable ASCII "
							+ "characters: posting it again yields the same record id.") @RequestHeader(
									name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
		JsonNode node = this.json.parse(BoundedBody.read(request, this.properties.limits().maxRecordSize()));
		RecordIntake.Checked checked = this.intake.check(node, operator, idempotencyKey);
		if (!checked.valid()) {
			throw InvalidRecord.of(checked.problems(), checked.hasUnknownTopic() ? this.taxonomy.slugs() : null);
		}
		PublishedRecord event = checked.record().toEvent(now(), operator.name());
		Delivery delivery = this.publisher.publish(List.of(event)).get(0);
		if (!delivery.acknowledged()) {
			throw KafkaUnavailable.forRecord(this.properties.publishing().retryAfter());
		}
		return ResponseEntity.accepted()
			.location(location(event.id()))
			.body(new AcceptedRecord(event.id(), event.topics(), event.publishedAt()));
	}

	@PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Post a batch of records",
			description = "Up to 1,000 records, as a JSON array or as application/x-ndjson (one record a line). "
					+ "Every item is checked; the valid ones are published, the invalid ones "
					+ "reported, and the answer, given after Kafka acknowledged every accepted item, lists each item's "
					+ "outcome in order. Give each item an externalId to make retries safe.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							array = @ArraySchema(schema = @Schema(implementation = IncomingRecord.class), minItems = 1,
									maxItems = 1000),
							examples = @ExampleObject(value = ApiExamples.BATCH)),
					@Content(mediaType = NDJSON, schema = @Schema(type = "string"),
							examples = @ExampleObject(value = ApiExamples.NDJSON)) }))
	@ApiResponse(responseCode = "200",
			description = "Processed: each item accepted (acknowledged by Kafka) or rejected",
			content = @Content(schema = @Schema(implementation = BatchResult.class),
					examples = @ExampleObject(value = ApiExamples.BATCH_RESULT)))
	@ApiResponse(responseCode = "400", description = "Malformed JSON, an empty batch, or an Idempotency-Key header",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<BatchResult> postBatch(HttpServletRequest request,
			@Parameter(hidden = true) @RequestAttribute(Operator.ATTRIBUTE) Operator operator,
			@Parameter(hidden = true) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
		byte[] body = readBatch(request, idempotencyKey);
		return batch(this.json.splitArray(body, this.properties.limits().maxBatchItems()), operator);
	}

	@PostMapping(path = "/batch", consumes = NDJSON)
	@Operation(hidden = true)
	ResponseEntity<BatchResult> postNdjsonBatch(HttpServletRequest request,
			@RequestAttribute(Operator.ATTRIBUTE) Operator operator,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
		byte[] body = readBatch(request, idempotencyKey);
		return batch(this.json.splitLines(body, this.properties.limits().maxBatchItems()), operator);
	}

	private byte[] readBatch(HttpServletRequest request, String idempotencyKey) {
		if (idempotencyKey != null) {
			throw InvalidBatch.idempotencyKeyHeader();
		}
		return BoundedBody.read(request, this.properties.limits().maxBatchSize());
	}

	private ResponseEntity<BatchResult> batch(List<RecordJson.BatchItem> items, Operator operator) {
		if (items.isEmpty()) {
			throw InvalidBatch.empty();
		}
		Instant publishedAt = now();
		ItemOutcome[] outcomes = new ItemOutcome[items.size()];
		List<PublishedRecord> events = new ArrayList<>();
		List<RecordJson.BatchItem> published = new ArrayList<>();
		Map<UUID, Integer> ids = new HashMap<>();
		for (RecordJson.BatchItem item : items) {
			PublishedRecord event = check(item, operator, publishedAt, outcomes, ids);
			if (event != null) {
				events.add(event);
				published.add(item);
			}
		}
		List<Delivery> deliveries = this.publisher.publish(events);
		for (int i = 0; i < events.size(); i++) {
			RecordJson.BatchItem item = published.get(i);
			PublishedRecord event = events.get(i);
			outcomes[item.index()] = deliveries.get(i).acknowledged()
					? ItemOutcome.accepted(item, event, this.recordLocation + event.id())
					: ItemOutcome.notPublished(item, event);
		}
		BatchResult result = BatchResult.of(Arrays.asList(outcomes));
		this.metrics.rejected("invalid-record", result.rejected());
		if (result.notPublished() > 0) {
			throw KafkaUnavailable.forBatch(this.properties.publishing().retryAfter(), result);
		}
		return ResponseEntity.ok(result);
	}

	private PublishedRecord check(RecordJson.BatchItem item, Operator operator, Instant publishedAt,
			ItemOutcome[] outcomes, Map<UUID, Integer> ids) {
		if (item.problem() != null) {
			outcomes[item.index()] = ItemOutcome.rejected(item, List.of(item.problem()), null);
			return null;
		}
		RecordIntake.Checked checked = this.intake.check(item.node(), operator, null);
		if (!checked.valid()) {
			outcomes[item.index()] = ItemOutcome.rejected(item, checked.problems(),
					checked.hasUnknownTopic() ? this.taxonomy.slugs() : null);
			return null;
		}
		Integer earlier = ids.putIfAbsent(checked.record().id(), item.index());
		if (earlier != null) {
			outcomes[item.index()] = ItemOutcome.rejected(item,
					List.of(new FieldProblem("externalId", "repeats the externalId of item " + earlier)), null);
			return null;
		}
		return checked.record().toEvent(publishedAt, operator.name());
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private URI location(UUID id) {
		return URI.create(this.recordLocation + id);
	}

}
