package dev.herald.localstack.mail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import jakarta.mail.internet.MimeMessage;

/**
 * The emails an {@link SmtpServer} received, newest first, up to a fixed number; the
 * oldest are dropped beyond it. Thread-safe.
 */
public final class Inbox {

	/** How many emails an inbox keeps by default. */
	public static final int DEFAULT_CAPACITY = 1000;

	private final int capacity;

	private final Deque<ReceivedEmail> emails = new ArrayDeque<>();

	// Each email parsed once: a test polling a busy inbox reads only what is new.
	private final Map<String, MimeMessage> parsed = new ConcurrentHashMap<>();

	private final Set<String> read = ConcurrentHashMap.newKeySet();

	private long lastId;

	/**
	 * An inbox keeping up to {@value #DEFAULT_CAPACITY} emails.
	 */
	public Inbox() {
		this(DEFAULT_CAPACITY);
	}

	/**
	 * An inbox keeping up to the given number of emails.
	 * @param capacity the number of emails kept
	 */
	public Inbox(int capacity) {
		this.capacity = capacity;
	}

	/**
	 * The emails, newest first.
	 * @return a snapshot of the inbox
	 */
	public synchronized List<ReceivedEmail> emails() {
		return List.copyOf(this.emails);
	}

	/**
	 * The emails as Jakarta Mail messages, in the order they arrived.
	 * @return MIME messages, oldest first, each parsed once and shared by every call
	 */
	public List<MimeMessage> mimeMessages() {
		List<ReceivedEmail> newestFirst = new ArrayList<>(emails());
		java.util.Collections.reverse(newestFirst);
		return newestFirst.stream()
			.map((email) -> this.parsed.computeIfAbsent(email.id(), (id) -> email.toMimeMessage()))
			.toList();
	}

	/**
	 * One email.
	 * @param id the email's id
	 * @return the email, or empty when there is none with that id
	 */
	public synchronized Optional<ReceivedEmail> find(String id) {
		return this.emails.stream().filter((email) -> email.id().equals(id)).findFirst();
	}

	/**
	 * The number of emails kept.
	 * @return the size of the inbox
	 */
	public synchronized int size() {
		return this.emails.size();
	}

	/**
	 * Deletes every email.
	 */
	public synchronized void clear() {
		this.emails.clear();
		this.parsed.clear();
		this.read.clear();
	}

	/**
	 * Deletes the emails that match.
	 * @param which the emails to delete
	 */
	public synchronized void delete(Predicate<ReceivedEmail> which) {
		this.emails.removeIf((email) -> {
			if (which.test(email)) {
				this.parsed.remove(email.id());
				this.read.remove(email.id());
				return true;
			}
			return false;
		});
	}

	/**
	 * Marks an email read, as a mail catcher does when its whole message is fetched.
	 * @param id the email's id
	 */
	public void markRead(String id) {
		this.read.add(id);
	}

	/**
	 * The ids of the emails read.
	 * @return a snapshot of them
	 */
	public Set<String> readIds() {
		return Set.copyOf(this.read);
	}

	synchronized String nextId() {
		this.lastId++;
		return String.valueOf(this.lastId);
	}

	synchronized void add(ReceivedEmail email) {
		this.emails.addFirst(email);
		while (this.emails.size() > this.capacity) {
			String dropped = this.emails.removeLast().id();
			this.parsed.remove(dropped);
			this.read.remove(dropped);
		}
	}

}
