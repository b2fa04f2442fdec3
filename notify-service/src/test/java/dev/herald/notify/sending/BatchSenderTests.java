package dev.herald.notify.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import dev.herald.notify.TestProperties;
import dev.herald.notify.ledger.Outbox;
import dev.herald.notify.ledger.PendingEmail;
import dev.herald.notify.relay.SmtpFailure;
import dev.herald.notify.schedule.EmailKind;
import dev.herald.notify.sending.OutcomeRecorder.Tried;
import dev.herald.platform.tracing.RecordSpans;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * How a sender sends and records a batch: each email as soon as its message is written,
 * while the next are written; outcomes recorded while it goes on sending, with at most
 * one record being written, and all of a batch recorded before {@code send} returns. The
 * outbox, preparer, recorder and connection are this unit's boundary.
 */
class BatchSenderTests {

	private static final int RECORD_EVERY = 3;

	private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

	private final Outbox outbox = mock(Outbox.class);

	private final EmailPreparer preparer = mock(EmailPreparer.class);

	private final OutcomeRecorder recorder = mock(OutcomeRecorder.class);

	private final SmtpConnection connection = mock(SmtpConnection.class);

	private final BatchSender sender = new BatchSender(this.outbox, this.preparer, this.recorder, SendRate.unlimited(),
			Clock.fixed(NOW, ZoneOffset.UTC),
			TestProperties.with(Map.of("delivery.record-every", String.valueOf(RECORD_EVERY))), RecordSpans.none());

	private final List<List<String>> records = new CopyOnWriteArrayList<>();

	private final AtomicInteger sent = new AtomicInteger();

	@AfterEach
	void stop() throws InterruptedException {
		this.sender.destroy();
	}

	@Test
	void senderShouldGoOnSendingWhileARecordIsWrittenButNeverHaveTwoRecordsUnwritten() throws Exception {
		List<PendingEmail> batch = emails(10);
		CountDownLatch firstWrite = new CountDownLatch(1);
		recordInto(firstWrite);
		AtomicReference<Integer> tried = new AtomicReference<>();
		Thread sending = new Thread(() -> tried.set(send(batch)));
		sending.start();

		// The first record is being written: the sender sends the next RECORD_EVERY
		// emails, then waits for it before starting the next.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.sent.get() == 2 * RECORD_EVERY && sending.getState() == Thread.State.WAITING);
		assertThat(this.records).hasSize(1);
		assertThat(this.records.get(0)).containsExactly("e0", "e1", "e2");

		firstWrite.countDown();
		sending.join(TimeUnit.SECONDS.toMillis(10));
		assertThat(sending.isAlive()).isFalse();
		assertThat(tried.get()).isEqualTo(10);
		assertThat(this.records).containsExactly(List.of("e0", "e1", "e2"), List.of("e3", "e4", "e5"),
				List.of("e6", "e7", "e8"), List.of("e9"));
		then(this.outbox).should().release(eq(List.of()), any(), eq(null), eq(false));
	}

	@Test
	void recordThatFailsShouldEndTheBatchAndBeWrittenAgainWithWhatWasSentSince() {
		List<PendingEmail> batch = emails(10);
		AtomicInteger writes = new AtomicInteger();
		doAnswer((invocation) -> {
			List<Tried> tried = invocation.getArgument(0);
			if (writes.getAndIncrement() == 0) {
				throw new IllegalStateException("MongoDB is down");
			}
			this.records.add(tried.stream().map((attempt) -> attempt.email().email().id()).toList());
			return null;
		}).when(this.recorder).record(anyList(), any());
		claimAndPrepareAsAsked();
		given(this.connection.send(any())).willAnswer((invocation) -> {
			this.sent.incrementAndGet();
			return null;
		});

		assertThatIllegalStateException().isThrownBy(() -> this.sender.send(ids(batch), "sender", this.connection))
			.withMessage("MongoDB is down");

		// The failed write is found when the next record is due: nothing after it is
		// sent, and what was sent is recorded once more before the rest is released.
		assertThat(this.sent).hasValue(2 * RECORD_EVERY);
		assertThat(this.records).containsExactly(List.of("e0", "e1", "e2", "e3", "e4", "e5"));
		then(this.outbox).should().release(eq(batch.subList(6, 10)), any(), eq(null), eq(false));
	}

	@Test
	void senderShouldSendAnEmailOnceItsMessageIsWrittenWhileTheNextAreStillBeingWritten() throws Exception {
		List<PendingEmail> batch = emails(3);
		CountDownLatch firstSent = new CountDownLatch(1);
		List<String> order = new CopyOnWriteArrayList<>();
		given(this.outbox.claim(anyList(), eq("sender"), eq(NOW), any())).willReturn(batch);
		given(this.preparer.prepare(eq(batch), eq(NOW), any())).willAnswer((invocation) -> {
			List<Outgoing> outgoing = batch.stream().map((email) -> outgoing(email, Draft.of(() -> {
				// The second message is written only once the first has been sent.
				if (!email.id().equals("e0") && !awaited(firstSent)) {
					throw new IllegalStateException("The first email was not sent while the second was written");
				}
				order.add("written " + email.id());
				return message(email.id());
			}))).toList();
			Draft.writeInOrder(outgoing.stream().map(Outgoing::message).toList(), invocation.getArgument(2));
			return outgoing;
		});
		given(this.connection.send(any())).willAnswer((invocation) -> {
			order.add("sent " + emailOf(invocation.getArgument(0)));
			firstSent.countDown();
			return null;
		});

		assertThat(this.sender.send(ids(batch), "sender", this.connection)).isEqualTo(3);

		// Each email went once its message was written, and the first before the second
		// was written.
		assertThat(order.stream().filter((step) -> step.startsWith("sent"))).containsExactly("sent e0", "sent e1",
				"sent e2");
		assertThat(order).containsSubsequence("written e0", "sent e0", "written e1", "sent e1")
			.containsSubsequence("written e2", "sent e2");
		then(this.preparer).should(never()).unwritable(any(), any(), any());
	}

	@Test
	void emailWhoseMessageCannotBeWrittenShouldBeSettledAsFailedAndTheBatchGoOn() throws Exception {
		List<PendingEmail> batch = emails(3);
		IllegalStateException refused = new IllegalStateException("Illegal address");
		given(this.outbox.claim(anyList(), eq("sender"), eq(NOW), any())).willReturn(batch);
		given(this.preparer.prepare(eq(batch), eq(NOW), any())).willAnswer((invocation) -> {
			List<Outgoing> outgoing = batch.stream().map((email) -> outgoing(email, Draft.of(() -> {
				if (email.id().equals("e1")) {
					throw refused;
				}
				return message(email.id());
			}))).toList();
			Draft.writeInOrder(outgoing.stream().map(Outgoing::message).toList(), invocation.getArgument(2));
			return outgoing;
		});
		List<String> sentEmails = new CopyOnWriteArrayList<>();
		given(this.connection.send(any())).willAnswer((invocation) -> {
			sentEmails.add(emailOf(invocation.getArgument(0)));
			return null;
		});
		recordInto(this.records);

		assertThat(this.sender.send(ids(batch), "sender", this.connection)).isEqualTo(2);

		assertThat(sentEmails).containsExactly("e0", "e2");
		then(this.preparer).should()
			.unwritable(argThat((outgoing) -> outgoing.email().id().equals("e1")), eq(refused), eq(NOW));
		assertThat(this.records.stream().flatMap(List::stream)).containsExactly("e0", "e2");
		then(this.outbox).should().release(eq(List.of()), any(), eq(null), eq(false));
	}

	@Test
	void restOfTheBatchShouldBeClaimedWhileItsFirstEmailsAreSent() throws Exception {
		List<PendingEmail> batch = emails(8);
		CountDownLatch firstSent = new CountDownLatch(1);
		List<List<String>> claims = new CopyOnWriteArrayList<>();
		given(this.outbox.claim(anyList(), eq("sender"), eq(NOW), any())).willAnswer((invocation) -> {
			List<String> ids = invocation.getArgument(0);
			claims.add(List.copyOf(ids));
			// The rest is claimed only once the first email has gone: a sender that
			// waited for the whole batch's claim before sending would never get there.
			if (claims.size() > 1 && !awaited(firstSent)) {
				throw new IllegalStateException("Nothing was sent while the rest of the batch was claimed");
			}
			return ids.stream().map(BatchSenderTests::email).toList();
		});
		given(this.preparer.prepare(anyList(), eq(NOW), any())).willAnswer((invocation) -> {
			List<PendingEmail> claimed = invocation.getArgument(0);
			return claimed.stream().map(BatchSenderTests::outgoing).toList();
		});
		List<String> sentEmails = new CopyOnWriteArrayList<>();
		given(this.connection.send(any())).willAnswer((invocation) -> {
			sentEmails.add(emailOf(invocation.getArgument(0)));
			firstSent.countDown();
			return null;
		});
		recordInto(this.records);

		assertThat(this.sender.send(ids(batch), "sender", this.connection)).isEqualTo(8);

		assertThat(claims).containsExactly(List.of("e0", "e1", "e2"), List.of("e3", "e4", "e5", "e6", "e7"));
		assertThat(sentEmails).containsExactlyElementsOf(ids(batch));
		assertThat(this.records.stream().flatMap(List::stream)).containsExactlyElementsOf(ids(batch));
	}

	@Test
	void restClaimedWhenARelayFailureEndsTheBatchShouldBeReleasedUntried() throws Exception {
		List<PendingEmail> batch = emails(8);
		CountDownLatch restClaimed = new CountDownLatch(1);
		given(this.outbox.claim(anyList(), eq("sender"), eq(NOW), any())).willAnswer((invocation) -> {
			List<String> ids = invocation.getArgument(0);
			if (!ids.contains("e0")) {
				restClaimed.countDown();
			}
			return ids.stream().map(BatchSenderTests::email).toList();
		});
		given(this.preparer.prepare(anyList(), eq(NOW), any())).willAnswer((invocation) -> {
			List<PendingEmail> claimed = invocation.getArgument(0);
			return claimed.stream().map(BatchSenderTests::outgoing).toList();
		});
		// The relay fails on the second email, once the rest has been claimed.
		given(this.connection.send(any())).willAnswer((invocation) -> {
			if (this.sent.incrementAndGet() == 2) {
				awaited(restClaimed);
				return SmtpFailure.of(new MessagingException("Connection reset"));
			}
			return null;
		});
		recordInto(this.records);

		assertThat(this.sender.send(ids(batch), "sender", this.connection)).isEqualTo(2);

		assertThat(this.records.stream().flatMap(List::stream)).containsExactly("e0", "e1");
		then(this.outbox).should()
			.release(eq(List.of(email("e2"), email("e3"), email("e4"), email("e5"), email("e6"), email("e7"))), any(),
					eq(null), eq(false));
	}

	private void recordInto(List<List<String>> written) {
		doAnswer((invocation) -> {
			List<Tried> tried = invocation.getArgument(0);
			written.add(tried.stream().map((attempt) -> attempt.email().email().id()).toList());
			return null;
		}).when(this.recorder).record(anyList(), any());
	}

	private int send(List<PendingEmail> batch) {
		try {
			return this.sender.send(ids(batch), "sender", this.connection);
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void recordInto(CountDownLatch firstWrite) {
		doAnswer((invocation) -> {
			List<Tried> tried = invocation.getArgument(0);
			this.records.add(tried.stream().map((attempt) -> attempt.email().email().id()).toList());
			if (this.records.size() == 1) {
				firstWrite.await(10, TimeUnit.SECONDS);
			}
			return null;
		}).when(this.recorder).record(anyList(), any());
		claimAndPrepareAsAsked();
		given(this.connection.send(any())).willAnswer((invocation) -> {
			this.sent.incrementAndGet();
			return null;
		});
	}

	/**
	 * Claims every email asked for, and prepares every email claimed, written already.
	 */
	private void claimAndPrepareAsAsked() {
		given(this.outbox.claim(anyList(), eq("sender"), eq(NOW), any())).willAnswer((invocation) -> {
			List<String> ids = invocation.getArgument(0);
			return ids.stream().map(BatchSenderTests::email).toList();
		});
		given(this.preparer.prepare(anyList(), eq(NOW), any())).willAnswer((invocation) -> {
			List<PendingEmail> claimed = invocation.getArgument(0);
			return claimed.stream().map(BatchSenderTests::outgoing).toList();
		});
	}

	private static List<PendingEmail> emails(int count) {
		return IntStream.range(0, count).mapToObj((n) -> email("e" + n)).toList();
	}

	private static PendingEmail email(String id) {
		return new PendingEmail(id, "s" + id.substring(1), EmailKind.ALERT, List.of("r1"), NOW, "sender",
				NOW.plus(Duration.ofSeconds(30)), 1, 0, null, NOW);
	}

	private static List<String> ids(List<PendingEmail> emails) {
		return emails.stream().map(PendingEmail::id).toList();
	}

	private static Outgoing outgoing(PendingEmail email) {
		return outgoing(email, Draft.written(message(email.id())));
	}

	private static Outgoing outgoing(PendingEmail email, Draft draft) {
		return new Outgoing(email, null, email.records(), draft, List.of());
	}

	private static boolean awaited(CountDownLatch latch) {
		try {
			return latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static MimeMessage message(String emailId) {
		try {
			MimeMessage message = new MimeMessage((Session) null);
			message.setHeader("X-Email", emailId);
			return message;
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String emailOf(MimeMessage message) {
		try {
			return message.getHeader("X-Email", null);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
