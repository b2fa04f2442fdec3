package dev.herald.notify;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A MongoDB wire-protocol server in memory for the slice tests of the stores, started
 * once per test JVM.
 */
public final class EmbeddedMongo {

	private static String uri;

	private EmbeddedMongo() {
	}

	/**
	 * Point Spring Boot's MongoDB connection at the server.
	 * @param registry the test's dynamic properties
	 */
	public static void register(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", EmbeddedMongo::uri);
		registry.add("spring.mongodb.database", () -> "notify-slice");
	}

	private static synchronized String uri() {
		if (uri == null) {
			MongoServer server = new MongoServer(new MemoryBackend());
			InetSocketAddress address = server.bind();
			Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
			uri = "mongodb://127.0.0.1:" + address.getPort();
		}
		return uri;
	}

}
