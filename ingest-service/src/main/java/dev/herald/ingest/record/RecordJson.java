package dev.herald.ingest.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.herald.ingest.IngestProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Reads request bodies (events are written by {@link EventJson}). Input is read strictly:
 * a repeated key, a document nested deeper than the configured limit, trailing content or
 * anything that is not JSON is refused with its position. A batch is split into its items
 * first, so that a problem inside one item is that item's problem alone.
 */
@Component
class RecordJson {

	private final int maxNestingDepth;

	private final JsonMapper strict;

	private final JsonMapper lenient;

	RecordJson(IngestProperties properties) {
		this.maxNestingDepth = properties.limits().maxNestingDepth();
		this.strict = mapper(true);
		this.lenient = mapper(false);
	}

	private JsonMapper mapper(boolean detectDuplicates) {
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(this.maxNestingDepth).build())
			.configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, detectDuplicates)
			.build();
		// The lenient mapper walks a batch token by token, so content after an item is
		// expected.
		return JsonMapper.builder(factory)
			.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, detectDuplicates)
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
	}

	/**
	 * Parses a single-record body.
	 * @param body the request body
	 * @return the JSON tree
	 * @throws MalformedJson if the body is not acceptable JSON
	 */
	JsonNode parse(byte[] body) {
		if (isBlank(body, 0, body.length)) {
			throw MalformedJson.empty();
		}
		try {
			return this.strict.readTree(body);
		}
		catch (JacksonException ex) {
			throw MalformedJson.of(ex, this.maxNestingDepth);
		}
	}

	/**
	 * Splits a JSON array of records into its items.
	 * @param body the request body
	 * @param maxItems the most items accepted
	 * @return the items, each parsed on its own
	 * @throws MalformedJson if the body is not a JSON array
	 * @throws BatchTooLarge if it has more than {@code maxItems} items
	 */
	List<BatchItem> splitArray(byte[] body, int maxItems) {
		if (isBlank(body, 0, body.length)) {
			throw MalformedJson.empty();
		}
		List<BatchItem> items = new ArrayList<>();
		try (JsonParser parser = this.lenient.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_ARRAY) {
				throw MalformedJson.notAnArray();
			}
			while (parser.nextToken() != JsonToken.END_ARRAY) {
				if (items.size() == maxItems) {
					throw BatchTooLarge.of(maxItems);
				}
				items.add(nextItem(parser, items.size(), body));
			}
			if (parser.nextToken() != null) {
				throw MalformedJson.trailing(parser.currentTokenLocation());
			}
		}
		catch (JacksonException ex) {
			throw MalformedJson.of(ex, this.maxNestingDepth);
		}
		return items;
	}

	/**
	 * Splits newline-delimited JSON into its items, one record per non-blank line. A line
	 * that is not acceptable JSON is that item's problem.
	 * @param body the request body
	 * @param maxItems the most items accepted
	 * @return the items
	 * @throws BatchTooLarge if it has more than {@code maxItems} items
	 */
	List<BatchItem> splitLines(byte[] body, int maxItems) {
		List<BatchItem> items = new ArrayList<>();
		int line = 1;
		for (int start = 0; start <= body.length; line++) {
			int end = indexOf(body, (byte) '\n', start);
			if (!isBlank(body, start, end)) {
				if (items.size() == maxItems) {
					throw BatchTooLarge.of(maxItems);
				}
				items.add(item(items.size(), line, Arrays.copyOfRange(body, start, end)));
			}
			start = end + 1;
		}
		return items;
	}

	private BatchItem nextItem(JsonParser parser, int index, byte[] body) {
		if (parser.currentToken() != JsonToken.START_OBJECT) {
			// Not a record: no need to look for repeated keys in it.
			return new BatchItem(index, null, this.lenient.readTree(parser), null);
		}
		int start = (int) parser.currentTokenLocation().getByteOffset();
		parser.skipChildren();
		int end = (int) parser.currentLocation().getByteOffset();
		return item(index, null, Arrays.copyOfRange(body, start, end));
	}

	private BatchItem item(int index, Integer line, byte[] json) {
		try {
			return new BatchItem(index, line, this.strict.readTree(json), null);
		}
		catch (JacksonException ex) {
			return new BatchItem(index, line, null, new FieldProblem(FieldProblem.WHOLE_RECORD,
					MalformedJson.describe(ex, this.maxNestingDepth, line == null)));
		}
	}

	/**
	 * Reads a well-shaped record ({@link RecordShape}): every field present is of its
	 * type, so the fields are read as they are, without a data-binding pass.
	 * @param node the record's fields
	 * @return the record
	 */
	IncomingRecord toRecord(ObjectNode node) {
		JsonNode place = node.get("place");
		return new IncomingRecord(text(node, "kind"), text(node, "title"), text(node, "summary"), text(node, "body"),
				text(node, "occurredOn"),
				(place != null && place.isObject())
						? new IncomingRecord.Place(text(place, "city"), text(place, "country")) : null,
				text(node, "organization"), texts(node, "bodies"), texts(node, "participants"),
				texts(node, "documentSymbols"), texts(node, "topics"), text(node, "language"), text(node, "sourceUrl"),
				text(node, "externalId"));
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.stringValue() : null;
	}

	private static List<String> texts(JsonNode node, String field) {
		JsonNode values = node.get(field);
		if (values == null || !values.isArray()) {
			return null;
		}
		List<String> texts = new ArrayList<>(values.size());
		values.forEach((value) -> texts.add(value.isString() ? value.stringValue() : null));
		return texts;
	}

	private static int indexOf(byte[] bytes, byte b, int from) {
		for (int i = from; i < bytes.length; i++) {
			if (bytes[i] == b) {
				return i;
			}
		}
		return bytes.length;
	}

	private static boolean isBlank(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			byte b = bytes[i];
			if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
				return false;
			}
		}
		return true;
	}

	/**
	 * One item of a batch.
	 *
	 * @param index position in the batch, from 0
	 * @param line line number in an NDJSON batch, or {@code null}
	 * @param node the parsed record, or {@code null} if it could not be parsed
	 * @param problem why it could not be parsed, or {@code null}
	 */
	record BatchItem(int index, Integer line, JsonNode node, FieldProblem problem) {

		/**
		 * Returns the item's externalId, if it has one that is a string.
		 * @return the externalId, or {@code null}
		 */
		String externalId() {
			JsonNode externalId = (this.node != null && this.node.isObject()) ? this.node.get("externalId") : null;
			return (externalId != null && externalId.isString()) ? externalId.stringValue() : null;
		}

	}

}
