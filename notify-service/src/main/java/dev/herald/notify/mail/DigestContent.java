package dev.herald.notify.mail;

import java.util.List;

/**
 * What a digest says: several records for one subscriber, grouped by the topic that
 * brought them, newest first within a group.
 *
 * @param heading which digest it is: {@code daily}, {@code weekly} or {@code held}
 * @param count how many records it lists
 * @param groups the records by topic
 */
public record DigestContent(String heading, int count, List<Group> groups) {

	/**
	 * The records of one topic.
	 *
	 * @param topic the topic's label, or {@code null} for records of no listed topic
	 * @param records the records, newest first
	 */
	public record Group(String topic, List<AlertContent> records) {
	}

}
