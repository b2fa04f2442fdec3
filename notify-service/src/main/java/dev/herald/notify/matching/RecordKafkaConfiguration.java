package dev.herald.notify.matching;

import dev.herald.notify.NotifyProperties;
import dev.herald.notify.kafka.ListenerErrorHandlers;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * The dead-letter topic of records this service cannot match, and the listener container
 * of the records topic.
 */
@Configuration(proxyBeanMethods = false)
class RecordKafkaConfiguration {

	static final String CONTAINER_FACTORY = "recordListenerContainerFactory";

	private static final Logger logger = LoggerFactory.getLogger(RecordKafkaConfiguration.class);

	@Bean
	NewTopic recordsDeadLetterTopic(NotifyProperties properties, KafkaProperties kafka) {
		return TopicBuilder
			.name(ListenerErrorHandlers.deadLetterTopic(properties.kafka().recordsTopic(),
					kafka.getConsumer().getGroupId()))
			.partitions(1)
			.replicas(properties.kafka().replicas())
			.build();
	}

	@Bean(CONTAINER_FACTORY)
	ConcurrentKafkaListenerContainerFactory<Object, Object> recordListenerContainerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
			ListenerErrorHandlers errorHandlers, KafkaProperties kafka) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, consumers);
		factory.setBatchListener(false);
		factory.setCommonErrorHandler(errorHandlers.create(kafka.getConsumer().getGroupId(),
				(record, ex) -> logger.warn("Record event sent to the dead-letter topic: key {}", record.key(), ex)));
		return factory;
	}

}
