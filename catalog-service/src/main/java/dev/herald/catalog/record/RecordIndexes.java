package dev.herald.catalog.record;

import java.util.List;

import org.bson.Document;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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
			new Index("terms", Direction.ASC).named("terms"), new Index("languages", Direction.ASC).named("languages"),
			// Keyset pages sort on both.
			new Index("occurredOn", Direction.DESC).on("_id", Direction.DESC).named("occurredOn_desc_id_desc"));

	private final MongoTemplate mongo;

	RecordIndexes(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterSingletonsInstantiated() {
		IndexOperations operations = this.mongo.indexOps(RecordDocument.COLLECTION);
		INDEXES.forEach(operations::createIndex);
		addLanguages();
	}

	/**
	 * Gives records stored before the {@code languages} field existed that field, so the
	 * {@code lang} filter finds them on its index. Does nothing once all have it.
	 */
	private void addLanguages() {
		Query missing = new Query(Criteria.where("languages").exists(false).and("language").exists(true));
		missing.fields().include("language");
		for (Document record : this.mongo.find(missing, Document.class, RecordDocument.COLLECTION)) {
			List<String> languages = RecordDocument.languages(record.getString("language"));
			if (languages != null) {
				this.mongo.updateFirst(new Query(Criteria.where("_id").is(record.get("_id"))),
						new Update().set("languages", languages), RecordDocument.COLLECTION);
			}
		}
	}

}
