package dev.herald.catalog.ingest;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Tells infrastructure outages, which end by themselves and must never send a message to
 * the dead-letter topic, from failures of the message itself.
 */
final class Outages {

	private Outages() {
	}

	static boolean isOutage(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof MongoSocketException || cause instanceof MongoTimeoutException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
