package dev.herald.localstack.run;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Ports the local run needs are taken by other programs.
 */
class PortsInUseException extends RuntimeException {

	private final List<PortUse> taken;

	PortsInUseException(List<PortUse> taken) {
		super(taken.stream()
			.map((use) -> "Port " + use.port() + " is already in use; " + use.user() + " needs it.")
			.collect(Collectors.joining("\n")));
		this.taken = List.copyOf(taken);
	}

	List<PortUse> taken() {
		return this.taken;
	}

	/**
	 * A port and what needs it.
	 *
	 * @param port the port
	 * @param user what needs it, for the message
	 * @param property the property that chooses another port
	 */
	record PortUse(int port, String user, String property) {

	}

}
