package dev.herald.catalog.record;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.herald.catalog.CatalogProperties;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Only so many searches run at once: the next waits for a place as long as the time
 * limit, then is refused, and a place freed in time admits it.
 */
class RecordSearchCapacityTests {

	private final MongoTemplate mongo = mock(MongoTemplate.class);

	private final RecordSearch search = new RecordSearch(this.mongo, properties(1, Duration.ofSeconds(1)));

	private final RecordQuery query = new RecordQuery(List.of(), List.of(), null, null, null, false, null, null, null,
			20, null);

	@Test
	void aSearchBeyondTheLimitShouldWaitThenBeRefusedAndOneFreedInTimeAdmitsIt() throws Exception {
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		given(this.mongo.find(any(Query.class), eq(RecordDocument.class))).willAnswer((invocation) -> {
			running.countDown();
			release.await(10, TimeUnit.SECONDS);
			return List.of();
		});
		CompletableFuture<RecordSlice> first = CompletableFuture.supplyAsync(() -> this.search.find(this.query));
		assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

		assertThatExceptionOfType(SearchesBusyException.class).isThrownBy(() -> this.search.find(this.query));

		CompletableFuture<RecordSlice> second = CompletableFuture.supplyAsync(() -> this.search.find(this.query));
		release.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS).records()).isEmpty();
		assertThat(second.get(10, TimeUnit.SECONDS).records()).isEmpty();
	}

	private static CatalogProperties properties(int searches, Duration limit) {
		return new CatalogProperties("herald.records.v1",
				new CatalogProperties.DeadLetter("herald.records.v1.catalog-service.dlt", 1, (short) 1),
				new CatalogProperties.OutageRetry(limit, 1.0, limit), new CatalogProperties.Paging(20, 100, 50),
				Duration.ofSeconds(2), Duration.ofSeconds(5), URI.create("http://localhost:8082"), limit,
				Duration.ofSeconds(30), searches);
	}

}
