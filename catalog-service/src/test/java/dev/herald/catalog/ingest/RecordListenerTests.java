package dev.herald.catalog.ingest;

import java.util.List;

import dev.herald.catalog.TestRecords;
import dev.herald.contracts.ContractViolation;
import dev.herald.platform.tracing.RecordSpans;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

class RecordListenerTests {

	private final RecordWriter writer = mock(RecordWriter.class);

	private final RecordListener listener = new RecordListener(this.writer, RecordSpans.none());

	@Test
	void onRecordsWhenAllAreReadableShouldStoreThemInOneWrite() {
		RecordPublished first = TestRecords.read(TestRecords.meeting("CSTO"));
		RecordPublished second = TestRecords.read(TestRecords.meeting("CSTO"));
		given(this.writer.store(anyList())).willReturn(new StoreResult(2, 0));
		this.listener.onRecords(List.of(message(0, first), message(1, second)));
		then(this.writer).should().store(List.of(first, second));
	}

	@Test
	void onRecordsWhenOneIsUnreadableShouldStoreThoseBeforeAndReportItsIndex() {
		RecordPublished first = TestRecords.read(TestRecords.meeting("CSTO"));
		RecordPublished third = TestRecords.read(TestRecords.meeting("CSTO"));
		given(this.writer.store(anyList())).willReturn(new StoreResult(1, 0));
		List<ConsumerRecord<String, RecordPublished>> messages = List.of(message(0, first), unreadable(1),
				message(2, third));
		assertThatExceptionOfType(BatchListenerFailedException.class)
			.isThrownBy(() -> this.listener.onRecords(messages))
			.satisfies((ex) -> {
				assertThat(ex.getIndex()).isEqualTo(1);
				assertThat(ex.getCause()).isInstanceOf(ContractViolation.class);
				assertThat(ex.getMessage()).contains("herald.records.v1-0@1", "not JSON");
			});
		then(this.writer).should().store(List.of(first));
	}

	@Test
	void onRecordsWhenKeyIsNotTheIdShouldReportIt() {
		RecordPublished record = TestRecords.read(TestRecords.meeting("CSTO"));
		ConsumerRecord<String, RecordPublished> message = new ConsumerRecord<>("herald.records.v1", 0, 0, "other-key",
				record);
		assertThatExceptionOfType(BatchListenerFailedException.class)
			.isThrownBy(() -> this.listener.onRecords(List.of(message)))
			.satisfies((ex) -> assertThat(ex.getCause()).isInstanceOf(ContractViolation.class));
		then(this.writer).should(never()).store(anyList());
	}

	@Test
	void onRecordsWhenMongoIsDownShouldReportTheWholePollAtIndexZero() {
		RecordPublished record = TestRecords.read(TestRecords.meeting("CSTO"));
		given(this.writer.store(anyList())).willThrow(new DataAccessResourceFailureException("down"));
		assertThatExceptionOfType(BatchListenerFailedException.class)
			.isThrownBy(() -> this.listener.onRecords(List.of(message(0, record), unreadable(1))))
			.satisfies((ex) -> {
				assertThat(ex.getIndex()).isZero();
				assertThat(ex.getCause()).isInstanceOf(DataAccessResourceFailureException.class);
			});
	}

	@Test
	void onRecordsWhenMongoRefusesOneRecordShouldReportThatRecord() {
		RecordPublished first = TestRecords.read(TestRecords.meeting("CSTO"));
		RecordPublished second = TestRecords.read(TestRecords.meeting("CSTO"));
		given(this.writer.store(anyList())).willThrow(new RecordStoreException(second.id(), "too large"));
		assertThatExceptionOfType(BatchListenerFailedException.class)
			.isThrownBy(() -> this.listener.onRecords(List.of(message(0, first), message(1, second))))
			.satisfies((ex) -> assertThat(ex.getIndex()).isEqualTo(1));
	}

	@Test
	void onRecordsWhenFirstIsUnreadableShouldWriteNothing() {
		assertThatExceptionOfType(BatchListenerFailedException.class)
			.isThrownBy(() -> this.listener.onRecords(List.of(unreadable(0))))
			.satisfies((ex) -> assertThat(ex.getIndex()).isZero());
		then(this.writer).should(never()).store(anyList());
	}

	private static ConsumerRecord<String, RecordPublished> message(long offset, RecordPublished record) {
		return new ConsumerRecord<>("herald.records.v1", 0, offset, record.id(), record);
	}

	private static ConsumerRecord<String, RecordPublished> unreadable(long offset) {
		ConsumerRecord<String, RecordPublished> message = new ConsumerRecord<>("herald.records.v1", 0, offset, "key",
				null);
		SerializationUtils.deserializationException(message.headers(), "not json".getBytes(),
				ContractViolation.unreadable(new IllegalArgumentException("not JSON")), false);
		return message;
	}

}
