package dev.herald.notify.subscription;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.herald.contracts.topics.Taxonomy;
import dev.herald.contracts.topics.Topic;
import dev.herald.notify.NotifyProperties;
import dev.herald.notify.ratelimit.ClientAddresses;
import dev.herald.notify.ratelimit.RateLimitExceededException;
import dev.herald.notify.token.InvalidTokenException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.times;

@WebMvcTest(SubscriptionController.class)
@Import(ClientAddresses.class)
class SubscriptionControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private SubscriptionService subscriptions;

	@Test
	void subscribeShouldAnswer202WithTheSameBodyForEveryAddress() {
		MvcTestResult first = subscribe("{\"email\":\"new@example.org\",\"topics\":[\"peacekeeping\"]}");
		MvcTestResult second = subscribe("{\"email\":\"active@example.org\",\"topics\":[\"peacekeeping\"]}");
		assertThat(first).hasStatus(HttpStatus.ACCEPTED).bodyJson().extractingPath("$.status").isEqualTo("accepted");
		assertThat(second).hasStatus(HttpStatus.ACCEPTED);
		assertThat(second.getResponse().getContentAsByteArray()).isEqualTo(first.getResponse().getContentAsByteArray());
		then(this.subscriptions).should(times(2)).subscribe(any(SubscriptionRequest.class), eq("127.0.0.1"));
	}

	@Test
	void subscribeWhenTopicsAreUnknownShouldAnswer400ListingTheKnownTopics() {
		willThrow(new InvalidSubscriptionException(Map.of("topics", "unknown topics: knitting"), List.of("knitting")))
			.given(this.subscriptions)
			.subscribe(any(), anyString());
		MvcTestResult result = subscribe("{\"email\":\"a@example.org\",\"topics\":[\"knitting\"]}");
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("topics");
		assertThat(result).bodyJson().extractingPath("$.unknownTopics").asArray().containsExactly("knitting");
		assertThat(result).bodyJson()
			.extractingPath("$.knownTopics")
			.asArray()
			.containsExactly("peacekeeping", "cyber");
	}

	@Test
	void subscribeWhenRateLimitedShouldAnswer429WithRetryAfter() {
		willThrow(RateLimitExceededException.forClient(Duration.ofMillis(5500))).given(this.subscriptions)
			.subscribe(any(), anyString());
		MvcTestResult result = subscribe("{\"email\":\"a@example.org\",\"topics\":[\"cyber\"]}");
		assertThat(result).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
			.hasHeader("Retry-After", "6")
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void subscribeWhenTheBodyIsNotJsonShouldAnswer400Problem() {
		assertThat(subscribe("{\"email\": [")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void subscribeWhenTheBodyIsHugeShouldAnswer413() {
		String huge = "{\"email\":\"a@example.org\",\"topics\":[" + "\"cyber\",".repeat(3000) + "\"cyber\"]}";
		assertThat(subscribe(huge)).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
		then(this.subscriptions).shouldHaveNoInteractions();
	}

	@Test
	void showWhenTheTokenIsRefusedShouldAnswer401() {
		given(this.subscriptions.show(any())).willThrow(InvalidTokenException.unknownSubscriber());
		assertThat(this.mvc.get().uri("/api/v1/subscriptions/me").header("Authorization", "Bearer forged"))
			.hasStatus(HttpStatus.UNAUTHORIZED)
			.hasHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
		then(this.subscriptions).should().show("forged");
	}

	@Test
	void topicsShouldListTheTaxonomy() {
		assertThat(this.mvc.get().uri("/api/v1/topics")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[0].slug")
			.isEqualTo("peacekeeping");
	}

	private MvcTestResult subscribe(String json) {
		return this.mvc.post()
			.uri("/api/v1/subscriptions")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	@TestConfiguration
	@EnableConfigurationProperties(NotifyProperties.class)
	static class Topics {

		@Bean
		Taxonomy taxonomy() {
			return Taxonomy.of(List.of(
					new Topic("peacekeeping", "Peacekeeping", "",
							Map.of("ru", new Topic.Translation("Миротворчество", "")), Map.of()),
					new Topic("cyber", "Cyber", "", Map.of(), Map.of())));
		}

	}

}
