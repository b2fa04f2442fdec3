package dev.herald.bench.baseline;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import dev.herald.bench.report.Rate;
import dev.herald.bench.system.CpuTime;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The baseline of R6 and N1: plain Jakarta Mail over a pool of reused SMTP connections
 * (as many as notify's senders), each sending its share of the emails in a loop, to the
 * same SMTP server. The emails are copies of one that Herald sent, to other recipients:
 * each connection sends one copy, parsed once, to each of its recipients in turn.
 */
public final class RawSmtpLoop {

	private RawSmtpLoop() {
	}

	/**
	 * Sends the emails: a fifth untimed, as the figures it is compared with leave out
	 * their start, then the rest, timed.
	 * @param host the SMTP host
	 * @param port the SMTP port
	 * @param connections how many connections send in parallel
	 * @param template the raw bytes of an email Herald sent
	 * @param recipients one email to each
	 * @param cpu reads the CPU time of the processes
	 * @return emails accepted per second, and their CPU cost
	 */
	public static Rate send(String host, int port, int connections, String template, List<String> recipients,
			Supplier<CpuTime> cpu) {
		int untimed = recipients.size() / 5;
		send(host, port, connections, template, recipients.subList(0, untimed));
		CpuTime before = cpu.get();
		List<String> timed = recipients.subList(untimed, recipients.size());
		double perSecond = send(host, port, connections, template, timed);
		return new Rate(perSecond, cpu.get().millisPerThousandSince(before, timed.size()));
	}

	private static double send(String host, int port, int connections, String template, List<String> recipients) {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", host);
		properties.put("mail.smtp.port", Integer.toString(port));
		Session session = Session.getInstance(properties);
		List<List<InternetAddress>> shares = new ArrayList<>();
		for (int i = 0; i < connections; i++) {
			shares.add(new ArrayList<>());
		}
		for (int i = 0; i < recipients.size(); i++) {
			shares.get(i % connections).add(address(recipients.get(i)));
		}
		AtomicReference<Exception> failure = new AtomicReference<>();
		List<Thread> threads = new ArrayList<>();
		List<MimeMessage> messages = new ArrayList<>();
		for (int i = 0; i < connections; i++) {
			messages.add(message(session, template, shares.get(i).isEmpty() ? null : shares.get(i).get(0)));
		}
		long start = System.nanoTime();
		for (int i = 0; i < connections; i++) {
			MimeMessage message = messages.get(i);
			List<InternetAddress> share = shares.get(i);
			Thread thread = new Thread(() -> sendAll(session, message, share, failure), "raw-smtp");
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		if (failure.get() != null) {
			throw new IllegalStateException("The raw SMTP loop failed", failure.get());
		}
		return recipients.size() / seconds;
	}

	/**
	 * Sends one message to each recipient in turn over one connection, the recipient
	 * given as the envelope's: the bytes sent are the template's every time, and none of
	 * the loop's time goes to building a message per recipient.
	 */
	private static void sendAll(Session session, MimeMessage message, List<InternetAddress> recipients,
			AtomicReference<Exception> failure) {
		try (Transport transport = session.getTransport("smtp")) {
			transport.connect();
			for (InternetAddress recipient : recipients) {
				transport.sendMessage(message, new Address[] { recipient });
			}
		}
		catch (MessagingException ex) {
			failure.compareAndSet(null, ex);
		}
	}

	private static InternetAddress address(String recipient) {
		try {
			return new InternetAddress(recipient);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static MimeMessage message(Session session, String template, InternetAddress recipient) {
		try {
			MimeMessage message = new MimeMessage(session,
					new ByteArrayInputStream(template.getBytes(StandardCharsets.UTF_8)));
			if (recipient != null) {
				message.setRecipient(Message.RecipientType.TO, recipient);
			}
			message.saveChanges();
			return message;
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
