package dev.herald.notify.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.herald.notify.NotifyProperties;
import dev.herald.notify.TtlIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The console's audit list: who did what to which target, and when. Every action of the
 * console and every sign-in, failed sign-in and sign-out is written here, shared by every
 * instance, and logged. Entries expire after {@code herald.notify.retention.audit}.
 */
@Component
public class ConsoleAudit implements InitializingBean {

	private static final Logger logger = LoggerFactory.getLogger(ConsoleAudit.class);

	private final MongoTemplate mongo;

	private final Clock clock;

	private final Duration retention;

	@Autowired
	ConsoleAudit(MongoTemplate mongo, Clock clock, NotifyProperties properties) {
		this(mongo, clock, properties.retention().audit());
	}

	ConsoleAudit(MongoTemplate mongo, Clock clock, Duration retention) {
		this.mongo = mongo;
		this.clock = clock;
		this.retention = retention;
	}

	@Override
	public void afterPropertiesSet() {
		TtlIndex.ensure(this.mongo.indexOps(Entry.class), "at", this.retention);
	}

	/**
	 * Writes down an action.
	 * @param operator who, as they named themselves at sign-in
	 * @param client the client address they acted from
	 * @param action what, such as {@code redrive-all}
	 * @param target on what, or {@code null}
	 * @param outcome what came of it
	 */
	public void record(String operator, String client, String action, String target, String outcome) {
		Entry entry = new Entry(UUID.randomUUID().toString(), this.clock.instant(), operator, client, action, target,
				outcome);
		this.mongo.insert(entry);
		logger.info("Console: {} from {} did {} on {}: {}", operator, client, action, (target != null) ? target : "-",
				outcome);
	}

	/**
	 * The newest entries.
	 * @param limit how many
	 * @return them, newest first
	 */
	public List<Entry> recent(int limit) {
		return this.mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "at")).limit(limit), Entry.class);
	}

	/**
	 * One entry of the audit list.
	 *
	 * @param id its id
	 * @param at when
	 * @param operator who
	 * @param client from which client address
	 * @param action what
	 * @param target on what
	 * @param outcome what came of it
	 */
	@Document("console_audit")
	public record Entry(@Id String id, Instant at, String operator, String client, String action, String target,
			String outcome) {
	}

}
