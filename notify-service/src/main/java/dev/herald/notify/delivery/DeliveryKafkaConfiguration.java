package dev.herald.notify.delivery;

import java.time.Clock;

import dev.herald.notify.NotifyMetrics;
import dev.herald.notify.NotifyProperties;
import dev.herald.notify.kafka.ListenerErrorHandlers;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * The deliveries topic, its dead-letter topic and the batch listener container that
 * consumes it.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryKafkaConfiguration {

	static final String CONTAINER_FACTORY = "deliveryListenerContainerFactory";

	private static final Logger logger = LoggerFactory.getLogger(DeliveryKafkaConfiguration.class);

	@Bean
	NewTopic deliveriesTopic(NotifyProperties properties) {
		return TopicBuilder.name(properties.kafka().deliveriesTopic())
			.partitions(properties.kafka().deliveriesPartitions())
			.replicas(properties.kafka().replicas())
			.build();
	}

	@Bean
	NewTopic deliveriesDeadLetterTopic(NotifyProperties properties, KafkaProperties kafka) {
		return TopicBuilder
			.name(ListenerErrorHandlers.deadLetterTopic(properties.kafka().deliveriesTopic(),
					kafka.getConsumer().getGroupId()))
			.partitions(1)
			.replicas(properties.kafka().replicas())
			.build();
	}

	@Bean(CONTAINER_FACTORY)
	ConcurrentKafkaListenerContainerFactory<Object, Object> deliveryListenerContainerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
			ListenerErrorHandlers errorHandlers, KafkaProperties kafka, DeliveryLedger ledger, JsonMapper json,
			NotifyMetrics metrics, Clock clock) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, consumers);
		factory.setBatchListener(true);
		factory.setCommonErrorHandler(errorHandlers.create(kafka.getConsumer().getGroupId(), (record, ex) -> {
			String deliveryId = deliveryIdOf(json, record.value());
			if (deliveryId != null && ledger.markExhausted(deliveryId, rootMessage(ex), clock.instant())) {
				metrics.emailFailed("exhausted");
			}
			logger.warn("Delivery event sent to the dead-letter topic: {}", record.value(), ex);
		}));
		return factory;
	}

	private static String deliveryIdOf(JsonMapper json, Object value) {
		try {
			return (value instanceof String text) ? json.readValue(text, DeliveryRequested.class).deliveryId() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String rootMessage(Exception ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return String.valueOf(cause.getMessage());
	}

}
