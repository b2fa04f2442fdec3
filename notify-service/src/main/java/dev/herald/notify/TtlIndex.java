package dev.herald.notify;

import java.time.Duration;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;

/**
 * A TTL index: MongoDB removes a document once the date in its field is older than the
 * retention. A retention changed in the settings replaces the index, since MongoDB
 * refuses a second index on the same field with other options.
 */
public final class TtlIndex {

	private TtlIndex() {
	}

	/**
	 * Creates the index, or replaces one of that name with another retention.
	 * @param indexes the collection's index operations
	 * @param field the date field
	 * @param retention how long after that date a document stays
	 * @return the index's name
	 */
	public static String ensure(IndexOperations indexes, String field, Duration retention) {
		String name = field + "_ttl";
		Optional<IndexInfo> existing = indexes.getIndexInfo()
			.stream()
			.filter((index) -> index.getName().equals(name))
			.findFirst();
		if (existing.isPresent() && existing.get().getExpireAfter().equals(Optional.of(retention))) {
			return name;
		}
		if (existing.isPresent()) {
			indexes.dropIndex(name);
		}
		indexes.createIndex(new Index().on(field, Sort.Direction.ASC).expire(retention).named(name));
		return name;
	}

}
