package dev.herald.notify.subscription;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.herald.contracts.topics.Taxonomy;
import dev.herald.contracts.topics.Topic;
import dev.herald.notify.NotifyProperties;
import dev.herald.notify.ratelimit.ClientAddresses;
import dev.herald.notify.ratelimit.RateLimitExceededException;
import dev.herald.notify.schedule.Frequency;
import dev.herald.notify.schedule.Schedule;
import dev.herald.notify.token.InvalidTokenException;
import dev.herald.notify.token.SubscriberLinks;
import dev.herald.notify.token.TokenService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;

@WebMvcTest(SubscriptionPages.class)
@Import(ClientAddresses.class)
class SubscriptionPagesTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private SubscriptionService subscriptions;

	@MockitoBean
	private TokenService tokens;

	@MockitoBean
	private SubscriberLinks links;

	@ParameterizedTest
	@ValueSource(strings = { "Origin: https://attacker.example", "Origin: http://localhost:8083.attacker.example",
			"Origin: null", "Referer: https://attacker.example/page.html" })
	void aFormPostedFromAnotherSiteShouldBeRefusedAndDoNothing(String header) {
		String[] nameAndValue = header.split(": ", 2);
		for (String path : new String[] { "/subscribe", "/subscriptions/confirm", "/subscriptions/manage",
				"/unsubscribe" }) {
			assertThat(this.mvc.post()
				.uri(path)
				.header(nameAndValue[0], nameAndValue[1])
				.header("Accept-Language", "ru")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("email=victim%40example.org&topics=cyber&language=en&token=t")).as(path)
				.hasStatus(HttpStatus.FORBIDDEN)
				.bodyText()
				.contains("Форма отправлена с другого сайта");
		}
		then(this.subscriptions).shouldHaveNoInteractions();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Origin: http://localhost:8083", "Referer: http://localhost:8083/subscribe", "" })
	void aFormPostedFromThisServicesPageOrFromNoBrowserShouldBeTaken(String header) {
		var request = this.mvc.post()
			.uri("/subscribe")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("email=reader%40example.org&topics=cyber&language=en");
		if (!header.isEmpty()) {
			String[] nameAndValue = header.split(": ", 2);
			request = request.header(nameAndValue[0], nameAndValue[1]);
		}
		assertThat(request).hasStatus(HttpStatus.ACCEPTED);
	}

	@Test
	void aFormWithASearchRowFarBeyondThePagesShouldBeA400PageNotA500() {
		assertThat(this.mvc.post()
			.uri("/subscribe")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("email=reader%40example.org&searches%5B99999%5D.query=x")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("This form could not be read");
		then(this.subscriptions).shouldHaveNoInteractions();
	}

	@Test
	void subscribeFormShouldOfferEveryTopic() {
		assertThat(this.mvc.get().uri("/subscribe")).hasStatusOk()
			.bodyText()
			.contains("name=\"email\"", "value=\"peacekeeping\"", "Peacekeeping", "value=\"cyber\"", "Cyber");
	}

	@Test
	void subscribeShouldAnswer202WithACheckYourEmailPage() {
		assertThat(this.mvc.post()
			.uri("/subscribe")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("email=reader%40example.org&topics=cyber&topics=peacekeeping&language=ru"))
			.hasStatus(HttpStatus.ACCEPTED)
			.bodyText()
			.contains("Check your email");
		then(this.subscriptions).should()
			.subscribe(eq(new SubscriptionRequest("reader@example.org", List.of("cyber", "peacekeeping"), "ru", null,
					null, null, null, null, List.of())), eq("127.0.0.1"));
	}

	@Test
	void subscribeFormShouldOfferSavedSearchesWithTheirSyntaxAndPassThemOn() {
		assertThat(this.mvc.get().uri("/subscribe")).hasStatusOk()
			.bodyText()
			.contains("name=\"searches[0].query\"", "name=\"searches[1].symbol\"", "quoted phrases")
			.doesNotContain("name=\"searches[2].query\"");
		assertThat(this.mvc.post()
			.uri("/subscribe")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("email=reader%40example.org&language=en&searches%5B0%5D.query=%22information+security%22"
					+ "&searches%5B0%5D.kind=STATEMENT&searches%5B0%5D.organization=&searches%5B0%5D.symbol=A%2F75%2F*"
					+ "&searches%5B1%5D.query=&searches%5B1%5D.kind="))
			.hasStatus(HttpStatus.ACCEPTED);
		then(this.subscriptions).should()
			.subscribe(eq(new SubscriptionRequest("reader@example.org", null, "en", null, null, null, null, null, List
				.of(new dev.herald.notify.search.SavedSearch("\"information security\"", "STATEMENT", "", "A/75/*")))),
					eq("127.0.0.1"));
	}

	@Test
	void aRefusedSearchShouldBeShownAgainWithAnErrorInThePagesLanguage() {
		willThrow(new InvalidSubscriptionException(Map.of("searches[0]", "query has a quote that is not closed"),
				List.of()))
			.given(this.subscriptions)
			.subscribe(any(), anyString());
		assertThat(this.mvc.post()
			.uri("/subscribe")
			.header("Accept-Language", "ru")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("email=reader%40example.org&searches%5B0%5D.query=%22open")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("value=\"&quot;open\"", "Проверьте этот поиск");
	}

	@Test
	void subscribeFormShouldOfferTheScheduleWithTheBrowsersTimeZoneAsDefault() {
		assertThat(this.mvc.get().uri("/subscribe")).hasStatusOk()
			.bodyText()
			.contains("name=\"frequency\" value=\"IMMEDIATE\"", "name=\"frequency\" value=\"DAILY\"",
					"name=\"frequency\" value=\"WEEKLY\"", "name=\"deliveryTime\"", "name=\"dayOfWeek\"",
					"value=\"FRIDAY\"", "name=\"timeZone\" data-default-from-browser=\"true\"",
					"value=\"Europe/Moscow\"", "value=\"America/New_York\"", "name=\"quietFrom\"", "name=\"quietTo\"",
					"Intl.DateTimeFormat().resolvedOptions().timeZone");
	}

	@Test
	void subscribeWithAScheduleShouldPassItOn() {
		assertThat(this.mvc.post()
			.uri("/subscribe")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("email=reader%40example.org&topics=cyber&language=en&frequency=WEEKLY&deliveryTime=18%3A30"
					+ "&dayOfWeek=FRIDAY&timeZone=Asia%2FTokyo&quietFrom=22%3A00&quietTo=07%3A00"))
			.hasStatus(HttpStatus.ACCEPTED);
		then(this.subscriptions).should()
			.subscribe(
					eq(new SubscriptionRequest("reader@example.org", List.of("cyber"), "en", "WEEKLY", "18:30",
							"FRIDAY", "Asia/Tokyo", new QuietHoursInput("22:00", "07:00"), List.of())),
					eq("127.0.0.1"));
	}

	@Test
	void subscribeWhenRateLimitedShouldAnswer429WithRetryAfter() {
		willThrow(RateLimitExceededException.forAddress(Duration.ofHours(2))).given(this.subscriptions)
			.subscribe(any(), anyString());
		assertThat(this.mvc.post()
			.uri("/subscribe")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("email=reader%40example.org&topics=cyber")).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
			.hasHeader("Retry-After", "7200")
			.bodyText()
			.contains("No email was sent");
	}

	@Test
	void subscribeWhenMailIsDownShouldAnswer503WithRetryAfter() {
		willThrow(new MailUnavailableException(new IllegalStateException("down"))).given(this.subscriptions)
			.subscribe(any(), anyString());
		assertThat(this.mvc.post()
			.uri("/subscribe")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("email=reader%40example.org&topics=cyber")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasHeader("Retry-After", "60");
	}

	@Test
	void unsubscribeGetShouldShowAButtonAndChangeNothing() {
		assertThat(this.mvc.get().uri("/unsubscribe?token=abc.def")).hasStatusOk()
			.bodyText()
			.contains("action=\"/unsubscribe?token=abc.def\"", "name=\"List-Unsubscribe\" value=\"One-Click\"");
		then(this.subscriptions).should(never()).unsubscribe(anyString());
	}

	@Test
	void unsubscribePostShouldRequireTheOneClickBody() {
		assertThat(this.mvc.post().uri("/unsubscribe?token=abc.def")).hasStatus(HttpStatus.BAD_REQUEST);
		then(this.subscriptions).should(never()).unsubscribe(anyString());
		assertThat(this.mvc.post()
			.uri("/unsubscribe?token=abc.def")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("List-Unsubscribe=One-Click")).hasStatusOk().bodyText().contains("You are unsubscribed");
		then(this.subscriptions).should().unsubscribe("abc.def");
	}

	@Test
	void confirmWithARefusedTokenShouldShowAClearPage() {
		given(this.subscriptions.confirmation(any())).willThrow(InvalidTokenException.noLongerValid());
		given(this.subscriptions.confirm(any())).willThrow(InvalidTokenException.noLongerValid());
		assertThat(this.mvc.get().uri("/subscriptions/confirm?token=abc.def")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("This link cannot be used", "cancelled since");
		assertThat(this.mvc.post().uri("/subscriptions/confirm?token=abc.def")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("This link cannot be used", "cancelled since");
	}

	@Test
	void confirmLinkShouldOpenAButtonThatPostsAndChangeNothing() {
		given(this.subscriptions.confirmation("abc.def")).willReturn(subscriber(SubscriberStatus.PENDING));
		given(this.subscriptions.labels(any(), any())).willReturn(List.of("Peacekeeping"));
		assertThat(this.mvc.get().uri("/subscriptions/confirm?token=abc.def")).hasStatusOk()
			.bodyText()
			.contains("Confirm your subscription", "Peacekeeping", "method=\"post\"",
					"action=\"/subscriptions/confirm\"", "name=\"token\" value=\"abc.def\"");
		then(this.subscriptions).should(never()).confirm(anyString());
	}

	@Test
	void confirmPostShouldConfirm() {
		given(this.subscriptions.confirm("abc.def")).willReturn(subscriber(SubscriberStatus.ACTIVE));
		given(this.subscriptions.labels(any(), any())).willReturn(List.of("Peacekeeping"));
		given(this.links.manage("s-9", 3)).willReturn("https://notify.herald.test/subscriptions/manage?token=m");
		assertThat(this.mvc.post()
			.uri("/subscriptions/confirm")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("token=abc.def")).hasStatusOk()
			.bodyText()
			.contains("Your subscription is confirmed", "subscriptions/manage?token=m");
	}

	@Test
	void tokenPagesShouldNotBeStoredNorHandTheTokenOn() {
		given(this.subscriptions.confirmation("abc.def")).willReturn(subscriber(SubscriberStatus.PENDING));
		given(this.subscriptions.show("abc.def")).willReturn(subscriber(SubscriberStatus.ACTIVE));
		willThrow(InvalidTokenException.noLongerValid()).given(this.subscriptions).confirmation("forged");
		for (String uri : List.of("/subscriptions/confirm?token=abc.def", "/subscriptions/manage?token=abc.def",
				"/unsubscribe?token=abc.def", "/subscriptions/confirm?token=forged")) {
			assertThat(this.mvc.get().uri(uri)).headers()
				.hasValue("Cache-Control", "no-store")
				.hasValue("Referrer-Policy", "same-origin");
		}
	}

	@Test
	void pagesShouldFollowAcceptLanguageThenEnglish() {
		assertThat(this.mvc.get().uri("/subscribe").header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5")).hasStatusOk()
			.bodyText()
			.contains("<html lang=\"ru\"", "Подписка на уведомления Herald", "Миротворчество", "Ежедневная сводка")
			.doesNotContain("Subscribe to Herald alerts");
		assertThat(this.mvc.get().uri("/subscribe").header("Accept-Language", "de-DE,fr;q=0.8")).hasStatusOk()
			.bodyText()
			.contains("<html lang=\"en\"", "Subscribe to Herald alerts", "Peacekeeping");
		assertThat(this.mvc.get().uri("/subscribe")).hasStatusOk().bodyText().contains("<html lang=\"en\"");
	}

	@Test
	void languageSwitchShouldBeRememberedAndKeepTheToken() {
		given(this.subscriptions.show("abc.def")).willReturn(subscriber(SubscriberStatus.ACTIVE));
		var english = this.mvc.get().uri("/subscriptions/manage?token=abc.def").exchange();
		assertThat(english).hasStatusOk()
			.bodyText()
			.contains("href=\"/subscriptions/manage?token=abc.def&amp;locale=ru\"", "Your subscription");
		var switched = this.mvc.get()
			.uri("/subscriptions/manage?token=abc.def&locale=ru")
			.header("Accept-Language", "en")
			.exchange();
		assertThat(switched).hasStatusOk().bodyText().contains("<html lang=\"ru\"", "Ваша подписка");
		assertThat(switched).cookies().containsCookie("herald-lang");
		String chosen = switched.getResponse().getCookie("herald-lang").getValue();
		assertThat(this.mvc.get()
			.uri("/subscribe")
			.header("Accept-Language", "en")
			.cookie(new jakarta.servlet.http.Cookie("herald-lang", chosen))).bodyText()
			.contains("<html lang=\"ru\"", "Подписка на уведомления Herald");
		assertThat(this.mvc.get().uri("/subscribe?locale=de").header("Accept-Language", "en")).bodyText()
			.contains("<html lang=\"en\"");
	}

	@Test
	void errorsOnPagesShouldComeFromTheBundleOfThePagesLanguage() {
		willThrow(new InvalidSubscriptionException(Map.of("email", "must be a valid address"), List.of()))
			.given(this.subscriptions)
			.subscribe(any(), anyString());
		assertThat(this.mvc.post()
			.uri("/subscribe")
			.header("Accept-Language", "ru")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("email=nobody&topics=cyber")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("Введите правильный адрес электронной почты.")
			.doesNotContain("must be a valid address");
	}

	@org.junit.jupiter.api.BeforeEach
	void unsubscribeTokens() {
		given(this.links.unsubscribeToken(anyString(), org.mockito.ArgumentMatchers.anyLong()))
			.willReturn("unsub.token");
	}

	private static Subscriber subscriber(SubscriberStatus status) {
		return new Subscriber("s-9", "reader@example.org", "reader@example.org", List.of("peacekeeping"), status, null,
				"en", Instant.now(), Instant.now(), null, null, 0, 3L, null);
	}

	@Test
	void managePageShouldShowTheAddressAndTickTheFollowedTopics() {
		Subscriber subscriber = new Subscriber("s-1", "<b>reader</b>@example.org", "reader@example.org",
				List.of("cyber"), SubscriberStatus.ACTIVE, Schedule.immediate(), "en", Instant.now(), Instant.now(),
				Instant.now(), null, 0, 0L, null);
		given(this.subscriptions.show("abc.def")).willReturn(subscriber);
		given(this.links.unsubscribeToken("s-1", 0)).willReturn("unsub.token");
		assertThat(this.mvc.get().uri("/subscriptions/manage?token=abc.def")).hasStatusOk()
			.bodyText()
			.contains("&lt;b&gt;reader&lt;/b&gt;@example.org", "value=\"cyber\" checked=\"checked\"",
					"action=\"/unsubscribe?token=unsub.token\"")
			.doesNotContain("<b>reader");
	}

	@Test
	void managePageShouldShowTheStoredScheduleAndPassAChangeOn() {
		Subscriber subscriber = new Subscriber("s-2", "reader@example.org", "reader@example.org", List.of("cyber"),
				SubscriberStatus.ACTIVE,
				new Schedule(Frequency.DAILY, "07:30", DayOfWeek.MONDAY, "Europe/Moscow", "22:00", "07:00"), "en",
				Instant.now(), Instant.now(), Instant.now(), null, 0, 0L, null);
		given(this.subscriptions.show("abc.def")).willReturn(subscriber);
		given(this.subscriptions.change(eq("abc.def"), any())).willReturn(subscriber);
		given(this.links.unsubscribeToken("s-2", 0)).willReturn("unsub.token");
		assertThat(this.mvc.get().uri("/subscriptions/manage?token=abc.def")).hasStatusOk()
			.bodyText()
			.contains("value=\"DAILY\" checked=\"checked\"", "value=\"07:30\"", "value=\"22:00\"",
					"value=\"Europe/Moscow\" selected=\"selected\"");
		assertThat(this.mvc.post()
			.uri("/subscriptions/manage?token=abc.def")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("topics=cyber&frequency=WEEKLY&deliveryTime=18%3A00&dayOfWeek=FRIDAY&timeZone=Asia%2FTokyo"
					+ "&quietFrom=&quietTo="))
			.hasStatusOk();
		then(this.subscriptions).should()
			.change(eq("abc.def"), eq(new SubscriptionChange(List.of("cyber"), null, "WEEKLY", "18:00", "FRIDAY",
					"Asia/Tokyo", null, List.of())));
	}

	@Test
	void manageFormWithNoTopicTickedShouldBeRefusedNotKeepTheOldTopics() {
		Subscriber subscriber = new Subscriber("s-3", "reader@example.org", "reader@example.org", List.of("cyber"),
				SubscriberStatus.ACTIVE, Schedule.immediate(), "en", Instant.now(), Instant.now(), Instant.now(), null,
				0, 0L, null);
		given(this.subscriptions.show("abc.def")).willReturn(subscriber);
		given(this.links.unsubscribeToken("s-3", 0)).willReturn("unsub.token");
		given(this.subscriptions.change(eq("abc.def"), any()))
			.willThrow(new InvalidSubscriptionException(Map.of("topics", "choose at least one topic"), List.of()));
		assertThat(this.mvc.post()
			.uri("/subscriptions/manage?token=abc.def")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("frequency=IMMEDIATE")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("Choose at least one of the topics.");
		then(this.subscriptions).should().change(eq("abc.def"), argThat((change) -> List.of().equals(change.topics())));
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
