package dev.herald.platform.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link RecordSpans} of a service that sends or consumes records, imported by each.
 * In test slices, where no tracer runs, they trace nothing.
 */
@Configuration(proxyBeanMethods = false)
public class RecordSpansConfiguration {

	/**
	 * The spans of records sent, consumed, and of work done later for them.
	 * @param tracers the tracer, when there is one
	 * @param propagators the propagator of trace context, when there is one
	 * @return the record spans
	 */
	@Bean
	RecordSpans recordSpans(ObjectProvider<Tracer> tracers, ObjectProvider<Propagator> propagators) {
		return new RecordSpans(tracers.getIfAvailable(() -> Tracer.NOOP),
				propagators.getIfAvailable(() -> Propagator.NOOP));
	}

}
