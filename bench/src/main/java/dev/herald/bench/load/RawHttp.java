package dev.herald.bench.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One persistent HTTP/1.1 connection that sends prepared requests and reads their answers
 * (Content-Length or chunked bodies). A load generator that costs little CPU, so that the
 * machine's cores go to the server being measured, as with {@code wrk}.
 */
public final class RawHttp implements AutoCloseable {

	private final String host;

	private final int port;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	/**
	 * A connection to a server, opened at the first request.
	 * @param host the host
	 * @param port the port
	 */
	public RawHttp(String host, int port) {
		this.host = host;
		this.port = port;
	}

	/**
	 * The bytes of a POST request.
	 * @param host the Host header
	 * @param path the path
	 * @param headers more headers
	 * @param body the body
	 * @return the request
	 */
	public static byte[] post(String host, String path, Map<String, String> headers, String body) {
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(host);
		headers.forEach((name, value) -> head.append("\r\n").append(name).append(": ").append(value));
		head.append("\r\nContent-Length: ").append(content.length).append("\r\n\r\n");
		byte[] start = head.toString().getBytes(StandardCharsets.US_ASCII);
		byte[] request = new byte[start.length + content.length];
		System.arraycopy(start, 0, request, 0, start.length);
		System.arraycopy(content, 0, request, start.length, content.length);
		return request;
	}

	/**
	 * Sends a request and reads its answer; a broken connection is opened again at the
	 * next request.
	 * @param request the request's bytes
	 * @return the answer
	 * @throws IOException when the connection failed
	 */
	public Response send(byte[] request) throws IOException {
		try {
			if (this.socket == null) {
				this.socket = new Socket(this.host, this.port);
				this.socket.setTcpNoDelay(true);
				this.in = new BufferedInputStream(this.socket.getInputStream(), 65536);
				this.out = this.socket.getOutputStream();
			}
			this.out.write(request);
			this.out.flush();
			return read();
		}
		catch (IOException ex) {
			close();
			throw ex;
		}
	}

	private Response read() throws IOException {
		int status = Integer.parseInt(line().substring(9, 12));
		long length = -1;
		boolean chunked = false;
		for (String header = line(); !header.isEmpty(); header = line()) {
			String lower = header.toLowerCase(java.util.Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Long.parseLong(lower.substring(15).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (chunked) {
			for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
				copy(size, body);
				line();
			}
			line();
		}
		else if (length > 0) {
			copy(length, body);
		}
		return new Response(status, body.toString(StandardCharsets.UTF_8));
	}

	private void copy(long count, ByteArrayOutputStream to) throws IOException {
		byte[] buffer = new byte[8192];
		for (long left = count; left > 0;) {
			int read = this.in.read(buffer, 0, (int) Math.min(buffer.length, left));
			if (read < 0) {
				throw new IOException("Connection closed in a body");
			}
			to.write(buffer, 0, read);
			left -= read;
		}
	}

	private String line() throws IOException {
		StringBuilder line = new StringBuilder();
		for (int b = this.in.read(); b != '\n'; b = this.in.read()) {
			if (b < 0) {
				throw new IOException("Connection closed");
			}
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return line.toString();
	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
			this.socket = null;
		}
	}

	/**
	 * An answer.
	 *
	 * @param status the status code
	 * @param body the body as text
	 */
	public record Response(int status, String body) {
	}

}
