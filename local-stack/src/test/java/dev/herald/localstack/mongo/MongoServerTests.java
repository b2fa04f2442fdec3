package dev.herald.localstack.mongo;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MongoServerTests {

	@Test
	void findWhenDocumentWasInsertedShouldReturnIt() {
		try (MongoServerRunner server = MongoServerRunner.inMemory(0).start();
				MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> records = client.getDatabase("catalog").getCollection("records");
			records.insertOne(new Document("_id", "r-1").append("title", "Meeting of the Council"));

			Document found = records.find(Filters.eq("_id", "r-1")).first();

			assertThat(found).isNotNull();
			assertThat(found.getString("title")).isEqualTo("Meeting of the Council");
		}
	}

	@Test
	void startWhenFileBackedServerRestartsShouldKeepTheData(@TempDir Path directory) {
		MongoServerRunner server = MongoServerRunner.persistent(directory, 0).start();
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			client.getDatabase("notify").getCollection("subscribers").insertOne(new Document("email", "a@example.org"));
		}
		int port = server.port();
		server.stop();

		MongoServerRunner restarted = MongoServerRunner.persistent(directory, port).start();
		try (restarted; MongoClient client = MongoClients.create(restarted.connectionString())) {
			Document found = client.getDatabase("notify").getCollection("subscribers").find().first();
			assertThat(found).isNotNull();
			assertThat(found.getString("email")).isEqualTo("a@example.org");
		}
	}

	@Test
	void startWhenStoppedShouldListenOnTheSamePort() {
		try (MongoServerRunner server = MongoServerRunner.inMemory(0).start()) {
			int port = server.port();
			server.stop();
			assertThat(server.isRunning()).isFalse();

			server.start();

			assertThat(server.port()).isEqualTo(port);
			assertThat(server.isRunning()).isTrue();
		}
	}

}
