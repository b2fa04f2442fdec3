package dev.herald.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Port helpers shared by the servers of the local stack.
 */
public final class Ports {

	private Ports() {
	}

	/** Ports handed out by {@link #free()} in this JVM. */
	private static final Set<Integer> handedOut = ConcurrentHashMap.newKeySet();

	/**
	 * A port that is free on the loopback interface right now, and that this JVM has not
	 * handed out before: a port found free is closed again at once, and the system may
	 * offer it again before whoever asked for it first has bound it.
	 * @return a port number
	 */
	public static int free() {
		while (true) {
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				if (handedOut.add(socket.getLocalPort())) {
					return socket.getLocalPort();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/**
	 * Whether a server could listen on the given port of the loopback interface now.
	 * @param port the port to try
	 * @return {@code false} when something listens there already
	 */
	public static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
