package dev.herald.notify.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import dev.herald.notify.NotifyProperties;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Who a request comes from, for the per-client limit. The connection's address, unless it
 * is one of the configured trusted proxies: then the right-most {@code X-Forwarded-For}
 * hop that is not a trusted proxy (hops to its left are whatever the client wrote). An
 * IPv6 client is its /64 network, the least a single subscriber controls.
 */
@Component
public class ClientAddresses {

	private static final int IPV6_NETWORK_BITS = 64;

	private final List<Cidr> trustedProxies;

	@Autowired
	ClientAddresses(NotifyProperties properties) {
		this(properties.limits().trustedProxies());
	}

	ClientAddresses(List<String> trustedProxies) {
		this.trustedProxies = trustedProxies.stream().map(Cidr::parse).toList();
	}

	/**
	 * The key of the request's client.
	 * @param request the request
	 * @return the client's IPv4 address or IPv6 /64 network
	 */
	public String of(HttpServletRequest request) {
		String client = request.getRemoteAddr();
		if (isTrusted(client)) {
			List<String> hops = forwardedHops(request);
			for (int i = hops.size() - 1; i >= 0; i--) {
				String hop = hops.get(i);
				if (address(hop) == null) {
					// A hop that is no address: what lies left of it cannot be trusted.
					break;
				}
				client = hop;
				if (!isTrusted(hop)) {
					break;
				}
			}
		}
		return key(client);
	}

	private boolean isTrusted(String address) {
		InetAddress parsed = address(address);
		return parsed != null && this.trustedProxies.stream().anyMatch((cidr) -> cidr.contains(parsed));
	}

	private static List<String> forwardedHops(HttpServletRequest request) {
		List<String> hops = new java.util.ArrayList<>();
		var headers = request.getHeaders("X-Forwarded-For");
		while (headers.hasMoreElements()) {
			for (String hop : headers.nextElement().split(",")) {
				if (!hop.isBlank()) {
					hops.add(hop.strip());
				}
			}
		}
		return hops;
	}

	static String key(String client) {
		InetAddress address = address(client);
		if (address == null) {
			return client;
		}
		byte[] bytes = address.getAddress();
		if (bytes.length == 16) {
			for (int i = IPV6_NETWORK_BITS / 8; i < 16; i++) {
				bytes[i] = 0;
			}
			return numeric(bytes) + "/" + IPV6_NETWORK_BITS;
		}
		return address.getHostAddress();
	}

	/**
	 * A literal IPv4 or IPv6 address, never a name to look up.
	 */
	static InetAddress address(String text) {
		if (text == null || text.isEmpty() || text.length() > 45
				|| !text.chars().allMatch((c) -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
			return null;
		}
		try {
			return InetAddress.getByName(text);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private static String numeric(byte[] bytes) {
		try {
			return InetAddress.getByAddress(bytes).getHostAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A network in CIDR notation, such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare
	 * address is its own network.
	 */
	record Cidr(byte[] network, int bits) {

		static Cidr parse(String text) {
			String[] parts = text.strip().split("/", 2);
			InetAddress address = address(parts[0]);
			if (address == null) {
				throw new IllegalArgumentException("Not an address or CIDR network: " + text);
			}
			int max = address.getAddress().length * 8;
			int bits = (parts.length == 2) ? Integer.parseInt(parts[1]) : max;
			if (bits < 0 || bits > max) {
				throw new IllegalArgumentException("Not a prefix length of " + parts[0] + ": " + bits);
			}
			return new Cidr(address.getAddress(), bits);
		}

		boolean contains(InetAddress address) {
			byte[] candidate = address.getAddress();
			if (candidate.length != this.network.length) {
				return false;
			}
			for (int bit = 0; bit < this.bits; bit++) {
				int mask = 0x80 >>> (bit % 8);
				if ((candidate[bit / 8] & mask) != (this.network[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

}
