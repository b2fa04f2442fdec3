package dev.herald.notify.ratelimit;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientAddressesTests {

	private final ClientAddresses behindProxies = new ClientAddresses(List.of("10.0.0.0/8", "192.168.1.7"));

	@Test
	void aClientConnectedDirectlyShouldBeItsAddressWhateverItForwards() {
		assertThat(new ClientAddresses(List.of()).of(request("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
		assertThat(this.behindProxies.of(request("203.0.113.9", "198.51.100.1, 10.0.0.1"))).isEqualTo("203.0.113.9");
	}

	@Test
	void behindTrustedProxiesTheClientShouldBeTheRightMostUntrustedHop() {
		// The left-most hops are whatever the client wrote: only the last untrusted one
		// counts.
		assertThat(this.behindProxies.of(request("10.1.2.3", "1.1.1.1, 2.2.2.2, 203.0.113.9, 192.168.1.7")))
			.isEqualTo("203.0.113.9");
		assertThat(this.behindProxies.of(request("10.1.2.3", "203.0.113.9"))).isEqualTo("203.0.113.9");
		assertThat(this.behindProxies.of(request("10.1.2.3", null))).isEqualTo("10.1.2.3");
	}

	@Test
	void aHopThatIsNoAddressShouldEndTheWalk() {
		assertThat(this.behindProxies.of(request("10.1.2.3", "1.1.1.1, example.org, 10.9.9.9"))).isEqualTo("10.9.9.9");
		assertThat(this.behindProxies.of(request("10.1.2.3", "1.1.1.1, unknown"))).isEqualTo("10.1.2.3");
	}

	@Test
	void anIpv6ClientShouldBeItsSlash64Network() {
		ClientAddresses direct = new ClientAddresses(List.of());
		String first = direct.of(request("2001:db8:1:2:aaaa:bbbb:cccc:dddd", null));
		String second = direct.of(request("2001:db8:1:2::9", null));
		String elsewhere = direct.of(request("2001:db8:1:3::9", null));
		assertThat(first).isEqualTo(second).isEqualTo("2001:db8:1:2:0:0:0:0/64");
		assertThat(elsewhere).isNotEqualTo(first);
	}

	@Test
	void trustedProxiesShouldBeAddressesOrNetworks() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddresses(List.of("proxy.example.org")));
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33")));
		assertThat(new ClientAddresses(List.of("fd00::/8")).of(request("fd12::1", "2001:db8::5")))
			.isEqualTo("2001:db8:0:0:0:0:0:0/64");
	}

	private static MockHttpServletRequest request(String remote, String forwardedFor) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/subscriptions");
		request.setRemoteAddr(remote);
		if (forwardedFor != null) {
			request.addHeader("X-Forwarded-For", forwardedFor);
		}
		return request;
	}

}
