package dev.herald.notify.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.herald.notify.EmbeddedMongo;
import dev.herald.notify.ledger.OutboxWriter.Addition;
import dev.herald.notify.schedule.EmailKind;
import dev.herald.notify.schedule.Slot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's claims are fenced: a sender holds an email from its claim until its lease
 * ends, and a sender whose lease was taken over can change nothing any more.
 */
@DataMongoTest
class OutboxTests {

	private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

	private static final Duration LEASE = Duration.ofSeconds(30);

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		EmbeddedMongo.register(registry);
	}

	@Autowired
	private MongoTemplate mongo;

	private Outbox outbox;

	private OutboxWriter writer;

	private final List<String> moved = new ArrayList<>();

	@BeforeEach
	void createOutbox() {
		this.mongo.dropCollection(PendingEmail.class);
		this.outbox = new Outbox(this.mongo);
		this.outbox.afterPropertiesSet();
		this.writer = new OutboxWriter(this.mongo, this.outbox);
		this.moved.clear();
	}

	@Test
	void claimShouldHoldDueEmailsForOneSenderOnly() {
		add(alert("a", T0), "r-1");
		add(alert("b", T0.minusSeconds(5)), "r-2");
		add(alert("later", T0.plusSeconds(60)), "r-3");
		assertThat(this.outbox.findDue(T0, 10, null)).extracting(Outbox.DueEmail::id).containsExactly("b", "a");
		List<PendingEmail> claimed = this.outbox.claim(List.of("a", "b", "later"), "sender-1", T0, LEASE);
		assertThat(claimed).extracting(PendingEmail::id).containsExactlyInAnyOrder("a", "b");
		assertThat(claimed).allSatisfy((email) -> {
			assertThat(email.owner()).isEqualTo("sender-1");
			assertThat(email.leaseUntil()).isEqualTo(T0.plus(LEASE));
		});
		assertThat(this.outbox.claim(List.of("a", "b"), "sender-2", T0.plusSeconds(29), LEASE)).isEmpty();
		assertThat(this.outbox.findDue(T0.plusSeconds(29), 10, null)).isEmpty();
	}

	@Test
	void findDueShouldPageOnAfterTheLastEmailOfThePageBeforeInOrderOfDueTimeThenId() {
		add(alert("d", T0), "r-1");
		add(alert("c", T0.minusSeconds(5)), "r-2");
		add(alert("b", T0.minusSeconds(5)), "r-3");
		add(alert("a", T0.minusSeconds(10)), "r-4");
		add(alert("held", T0.minusSeconds(20)), "r-5");
		add(alert("later", T0.plusSeconds(60)), "r-6");
		assertThat(this.outbox.claim(List.of("held"), "sender-1", T0, LEASE)).hasSize(1);

		List<Outbox.DueEmail> first = this.outbox.findDue(T0, 2, null);
		assertThat(first).containsExactly(new Outbox.DueEmail("a", T0.minusSeconds(10)),
				new Outbox.DueEmail("b", T0.minusSeconds(5)));
		List<Outbox.DueEmail> second = this.outbox.findDue(T0, 2, first.get(1));
		assertThat(second).extracting(Outbox.DueEmail::id).containsExactly("c", "d");
		assertThat(this.outbox.findDue(T0, 2, second.get(1))).isEmpty();
	}

	@Test
	void senderWhoseLeaseWasTakenOverShouldChangeNothingAnyMore() {
		add(alert("a", T0), "r-1");
		List<PendingEmail> first = this.outbox.claim(List.of("a"), "sender-1", T0, LEASE);
		List<PendingEmail> second = this.outbox.claim(List.of("a"), "sender-2", T0.plus(LEASE), LEASE);
		assertThat(second).singleElement().extracting(PendingEmail::owner).isEqualTo("sender-2");

		assertThat(this.outbox.renew(first, "sender-1", T0.plusSeconds(60))).isEmpty();
		assertThat(this.outbox.remove(first)).isZero();
		this.outbox.release(first, PendingEmail::dueAt, "late", true);
		PendingEmail now = this.outbox.findAllById(List.of("a")).get(0);
		assertThat(now.owner()).isEqualTo("sender-2");
		assertThat(now.attempts()).isZero();

		assertThat(this.outbox.remove(second)).isOne();
		assertThat(this.outbox.findAllById(List.of("a"))).isEmpty();
	}

	@Test
	void renewalShouldKeepTheEmailFromOtherSenders() {
		add(alert("a", T0), "r-1");
		List<PendingEmail> held = this.outbox.claim(List.of("a"), "sender-1", T0, LEASE);
		List<PendingEmail> renewed = this.outbox.renew(held, "sender-1", T0.plusSeconds(20).plus(LEASE));
		assertThat(renewed).singleElement().satisfies((email) -> {
			assertThat(email.leaseUntil()).isEqualTo(T0.plusSeconds(50));
			assertThat(email.version()).isEqualTo(held.get(0).version() + 1);
		});
		assertThat(this.outbox.claim(List.of("a"), "sender-2", T0.plusSeconds(40), LEASE)).isEmpty();
		assertThat(this.outbox.remove(held)).as("an outdated version").isZero();
		assertThat(this.outbox.remove(renewed)).isOne();
	}

	@Test
	void releaseShouldMakeTheEmailClaimableWhenDueAndCountTheFailedTry() {
		add(alert("a", T0), "r-1");
		List<PendingEmail> held = this.outbox.claim(List.of("a"), "sender-1", T0, LEASE);
		this.outbox.release(held, (email) -> T0.plusSeconds(10), "451 busy", true);
		PendingEmail released = this.outbox.findAllById(List.of("a")).get(0);
		assertThat(released.owner()).isNull();
		assertThat(released.isHeld(T0)).isFalse();
		assertThat(released.attempts()).isOne();
		assertThat(released.lastError()).isEqualTo("451 busy");
		assertThat(this.outbox.claim(List.of("a"), "sender-2", T0.plusSeconds(9), LEASE)).isEmpty();
		assertThat(this.outbox.claim(List.of("a"), "sender-2", T0.plusSeconds(10), LEASE)).hasSize(1);
	}

	@Test
	void additionsToOneEmailShouldMergeIntoItOnceEach() {
		Slot digest = new Slot("daily:s-1:2026-12-02", EmailKind.DAILY, T0.plusSeconds(3600));
		this.writer.add(List.of(addition(digest, "r-1"), addition(digest, "r-2")), T0, this::moved);
		add(digest, "r-2");
		add(digest, "r-3");
		PendingEmail email = this.outbox.findAllById(List.of(digest.emailId())).get(0);
		assertThat(email.records()).containsExactly("r-1", "r-2", "r-3");
		assertThat(email.kind()).isEqualTo(EmailKind.DAILY);
		assertThat(this.moved).isEmpty();
		assertThat(this.outbox.backlog(T0)).isEqualTo(new Outbox.Backlog(0, 1));
	}

	@Test
	void recordForAnEmailBeingSentShouldGoToTheNextOneInstead() {
		Slot today = new Slot("daily:s-1:2026-12-01", EmailKind.DAILY, T0);
		Slot tomorrow = new Slot("daily:s-1:2026-12-02", EmailKind.DAILY, T0.plus(Duration.ofDays(1)));
		add(today, "r-1");
		List<PendingEmail> held = this.outbox.claim(List.of(today.emailId()), "sender-1", T0, LEASE);
		this.writer.add(List.of(new Addition(today, "s-1", List.of("r-1", "r-2"), (taken) -> tomorrow)), T0,
				this::moved);
		assertThat(this.outbox.findAllById(List.of(today.emailId()))).singleElement()
			.satisfies((email) -> assertThat(email.records()).containsExactly("r-1"));
		assertThat(this.outbox.findAllById(List.of(tomorrow.emailId()))).singleElement()
			.satisfies((email) -> assertThat(email.records()).containsExactly("r-2"));
		assertThat(this.moved).containsExactly("daily:s-1:2026-12-01 -> daily:s-1:2026-12-02");
		assertThat(this.outbox.remove(held)).isOne();
	}

	@Test
	void makeDueShouldBringForwardOnlyWaitingEmailsNobodyHolds() {
		add(alert("now", T0), "r-1");
		add(new Slot("daily:s-1:2026-12-02", EmailKind.DAILY, T0.plus(Duration.ofDays(1))), "r-2");
		add(new Slot("weekly:s-1:2026-12-04", EmailKind.WEEKLY, T0.plus(Duration.ofDays(3))), "r-3");
		this.outbox.claim(List.of("now"), "sender-1", T0, LEASE);
		this.outbox.makeDue("s-1", T0);
		assertThat(this.outbox.findDue(T0, 10, null)).extracting(Outbox.DueEmail::id)
			.containsExactlyInAnyOrder("daily:s-1:2026-12-02", "weekly:s-1:2026-12-04");
		assertThat(this.outbox.findBySubscriber("s-1")).hasSize(3);
		assertThat(this.outbox.findBySubscriber("s-2")).isEmpty();
	}

	private void add(Slot slot, String record) {
		this.writer.add(List.of(addition(slot, record)), T0, this::moved);
	}

	private static Addition addition(Slot slot, String record) {
		return new Addition(slot, "s-1", List.of(record), (taken) -> {
			throw new AssertionError("no email of these tests is held when it is added to");
		});
	}

	private void moved(Addition addition, Slot to) {
		this.moved.add(addition.slot().emailId() + " -> " + to.emailId());
	}

	private static Slot alert(String id, Instant dueAt) {
		return new Slot(id, EmailKind.ALERT, dueAt);
	}

}
