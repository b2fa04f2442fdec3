package dev.herald.catalog.record;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import dev.herald.catalog.TestProperties;
import dev.herald.contracts.text.TextAnalyzer;
import dev.herald.contracts.topics.Taxonomy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RecordQueryParserTests {

	private final RecordQueryParser parser = new RecordQueryParser(new TextAnalyzer(), Taxonomy.fromContract(),
			TestProperties.defaults());

	@Test
	void parseWhenNothingIsGivenShouldListEverythingWithDefaultSize() {
		RecordQuery query = this.parser.parse(RecordFilter.none(), null, null);
		assertThat(query.words()).isEmpty();
		assertThat(query.topics()).isEmpty();
		assertThat(query.size()).isEqualTo(20);
		assertThat(query.after()).isNull();
	}

	@Test
	void parseWhenFiltersAreGivenShouldKeepThemAll() {
		String cursor = new Cursor(LocalDate.of(2023, 11, 1), "a4f2d9cc-2065-4cfa-a749-45a8fd4aaf53").encode();
		RecordQuery query = this.parser.parse(new RecordFilter(" Meetings ",
				List.of("information-security", "", "peacekeeping", "information-security"), "meeting", " CSTO ",
				"A/75/*", "2023-01-01", "2023-12-31", "ru"), "100", cursor);
		assertThat(query.words()).hasSize(1);
		assertThat(query.words().get(0)).contains("meet");
		assertThat(query.topics()).containsExactly("information-security", "peacekeeping");
		assertThat(query.kind()).isEqualTo("MEETING");
		assertThat(query.organization()).isEqualTo("CSTO");
		assertThat(query.symbol()).isEqualTo("A/75/");
		assertThat(query.symbolPrefix()).isTrue();
		assertThat(query.from()).isEqualTo(LocalDate.of(2023, 1, 1));
		assertThat(query.to()).isEqualTo(LocalDate.of(2023, 12, 31));
		assertThat(query.language()).isEqualTo("ru");
		assertThat(query.size()).isEqualTo(100);
		assertThat(query.after().id()).isEqualTo("a4f2d9cc-2065-4cfa-a749-45a8fd4aaf53");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "topic|no-such-topic", "kind|SPEECH", "from|2023-13-01", "to|yesterday", "from|2023-02-30",
					"symbol|A/75/906 OR 1=1", "symbol|/A/75", "lang|english!", "lang|$regex", "size|0", "size|1000",
					"size|101", "size|-1", "size|ten", "size|99999999999999999999", "cursor|not-a-cursor" })
	void parseWhenParameterIsWrongShouldNameIt(String parameter, String value) {
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> parse(parameter, value))
			.satisfies((ex) -> {
				assertThat(ex.parameter()).isEqualTo(parameter);
				assertThat(ex.getMessage()).contains("'" + parameter + "'");
			});
	}

	@Test
	void parseWhenFromIsAfterToShouldNameFrom() {
		RecordFilter filter = new RecordFilter(null, null, null, null, null, "2023-12-01", "2023-11-01", null);
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.parser.parse(filter, null, null))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("from"));
	}

	@Test
	void parseWhenQueryIsTooLongOrHasTooManyWordsShouldNameQ() {
		String tooLong = "a".repeat(RecordQueryParser.MAX_QUERY_LENGTH + 1);
		String tooManyWords = String.join(" ",
				java.util.Collections.nCopies(RecordQueryParser.MAX_QUERY_WORDS + 1, "word"));
		for (String q : List.of(tooLong, tooManyWords)) {
			assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(
					() -> this.parser.parse(new RecordFilter(q, null, null, null, null, null, null, null), null, null))
				.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("q"));
		}
	}

	@Test
	void parseWhenTopicsAreRepeatedShouldKeepEachOnce() {
		List<String> topics = Arrays.asList(new String[RecordQueryParser.MAX_TOPICS + 1]);
		List<String> slugs = Taxonomy.fromContract().topics().stream().map((topic) -> topic.slug()).toList();
		for (int i = 0; i < topics.size(); i++) {
			topics.set(i, slugs.get(i % slugs.size()));
		}
		RecordQuery query = this.parser.parse(new RecordFilter(null, topics, null, null, null, null, null, null), null,
				null);
		assertThat(Set.copyOf(query.topics())).hasSameSizeAs(query.topics());
	}

	@Test
	void parseFeedShouldUseTheFeedSize() {
		assertThat(this.parser.parseFeed(RecordFilter.none()).size()).isEqualTo(50);
	}

	private RecordQuery parse(String parameter, String value) {
		RecordFilter filter = switch (parameter) {
			case "topic" -> new RecordFilter(null, List.of(value), null, null, null, null, null, null);
			case "kind" -> new RecordFilter(null, null, value, null, null, null, null, null);
			case "from" -> new RecordFilter(null, null, null, null, null, value, null, null);
			case "to" -> new RecordFilter(null, null, null, null, null, null, value, null);
			case "symbol" -> new RecordFilter(null, null, null, null, value, null, null, null);
			case "lang" -> new RecordFilter(null, null, null, null, null, null, null, value);
			default -> RecordFilter.none();
		};
		return this.parser.parse(filter, "size".equals(parameter) ? value : null,
				"cursor".equals(parameter) ? value : null);
	}

}
