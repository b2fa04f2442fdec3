package dev.herald.localstack.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A server that speaks the MongoDB wire protocol (mongo-java-server), keeping its data in
 * memory or in an H2 file that survives restarts.
 * <p>
 * It lacks {@code $text}, transactions, change streams and {@code explain}; CRUD, indexes
 * (unique, compound, multikey) and simple aggregations work through the real driver.
 */
public final class MongoServerRunner implements AutoCloseable {

	private final Supplier<MongoBackend> backends;

	private final String description;

	private int port;

	private MongoServer server;

	private MongoServerRunner(Supplier<MongoBackend> backends, String description, int port) {
		this.backends = backends;
		this.description = description;
		this.port = port;
	}

	/**
	 * A server keeping its data in memory; {@link #stop()} drops it.
	 * @param port the port, or 0 for a free one (kept across restarts)
	 * @return a server, not yet started
	 */
	public static MongoServerRunner inMemory(int port) {
		return new MongoServerRunner(MemoryBackend::new, "in memory", port);
	}

	/**
	 * A server keeping its data in an H2 file in the given folder; the data survives
	 * {@link #stop()}, a restart of the JVM and a killed process.
	 * @param directory the folder of the data file, created if absent
	 * @param port the port, or 0 for a free one (kept across restarts)
	 * @return a server, not yet started
	 */
	public static MongoServerRunner persistent(Path directory, int port) {
		Path file = directory.toAbsolutePath().resolve("herald.mv.db");
		return new MongoServerRunner(() -> openFile(file), "in " + file, port);
	}

	/**
	 * Starts listening on localhost. Does nothing when it runs already.
	 * @return this server
	 */
	public synchronized MongoServerRunner start() {
		if (this.server == null) {
			MongoServer started = new MongoServer(this.backends.get());
			started.bind("localhost", this.port);
			this.port = ((InetSocketAddress) started.getLocalAddress()).getPort();
			this.server = started;
		}
		return this;
	}

	/**
	 * Closes every connection and stops listening; file data is flushed and kept.
	 */
	public synchronized void stop() {
		if (this.server != null) {
			MongoServer running = this.server;
			this.server = null;
			running.shutdownNow();
		}
	}

	@Override
	public void close() {
		stop();
	}

	/**
	 * Whether the server listens.
	 * @return {@code true} between {@link #start()} and {@link #stop()}
	 */
	public synchronized boolean isRunning() {
		return this.server != null;
	}

	/**
	 * The port, fixed at the first start when it was 0.
	 * @return the port clients connect to
	 */
	public synchronized int port() {
		return this.port;
	}

	/**
	 * The connection string without a database name.
	 * @return {@code mongodb://localhost:<port>}
	 */
	public String connectionString() {
		return "mongodb://localhost:" + port();
	}

	@Override
	public String toString() {
		return "MongoDB-protocol server on port " + port() + ", data " + this.description;
	}

	private static MongoBackend openFile(Path file) {
		try {
			Files.createDirectories(file.getParent());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new H2Backend(file.toString());
	}

}
