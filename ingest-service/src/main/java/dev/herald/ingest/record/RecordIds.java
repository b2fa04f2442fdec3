package dev.herald.ingest.record;

import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.NameBasedGenerator;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import org.springframework.stereotype.Component;

/**
 * Assigns record ids. A record posted with an idempotency key (the Idempotency-Key header
 * or an externalId) gets a UUID v5 of the operator and the key, so a retry yields the
 * same id and the same Kafka key; any other record gets a time-ordered UUID v7.
 */
@Component
class RecordIds {

	/** Namespace of record ids: UUID v5 of the URL https://herald.dev/ns/record-id. */
	static final UUID NAMESPACE = UUID.fromString("a808e309-ad18-5b86-a646-322f2521ebf7");

	private final NameBasedGenerator keyed = Generators.nameBasedGenerator(NAMESPACE);

	private final TimeBasedEpochGenerator timeOrdered = Generators.timeBasedEpochGenerator();

	/**
	 * Returns the id of the record an operator posted under a key.
	 * @param operator the operator's name
	 * @param key the idempotency key
	 * @return a UUID v5; the same for the same operator and key
	 */
	UUID forKey(String operator, String key) {
		// NUL cannot occur in either part, so distinct (operator, key) pairs never
		// collide.
		return this.keyed.generate(operator + '\u0000' + key);
	}

	/**
	 * Returns a new time-ordered id.
	 * @return a UUID v7
	 */
	UUID next() {
		return this.timeOrdered.generate();
	}

}
