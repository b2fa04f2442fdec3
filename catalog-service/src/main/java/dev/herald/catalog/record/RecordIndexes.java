package dev.herald.catalog.record;

import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes of the {@code records} collection at startup, before any listener
 * consumes. Creating an index that exists with the same name and keys changes nothing, so
 * this runs on every start; the names are stable.
 */
@Component
class RecordIndexes implements SmartInitializingSingleton {

	static final List<Index> INDEXES = List.of(new Index("occurredOn", Direction.DESC).named("occurredOn_desc"),
			new Index("topics", Direction.ASC).named("topics"),
			new Index("kind", Direction.ASC).on("occurredOn", Direction.DESC).named("kind_occurredOn_desc"),
			new Index("organization", Direction.ASC).named("organization"),
			new Index("documentSymbols", Direction.ASC).named("documentSymbols"),
			new Index("terms", Direction.ASC).named("terms"));

	private final MongoTemplate mongo;

	RecordIndexes(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterSingletonsInstantiated() {
		IndexOperations operations = this.mongo.indexOps(RecordDocument.COLLECTION);
		INDEXES.forEach(operations::createIndex);
	}

}
