package dev.herald.ingest.record;

import java.util.List;

/**
 * The answer to a batch: how many items were accepted and rejected, and each item's
 * outcome in the order of the batch.
 *
 * @param accepted items acknowledged by Kafka
 * @param rejected items refused for their problems
 * @param notPublished valid items Kafka did not acknowledge (only in a 503 answer)
 * @param items each item's outcome, in order
 */
record BatchResult(int accepted, int rejected, int notPublished, List<ItemOutcome> items) {

	static BatchResult of(List<ItemOutcome> items) {
		return new BatchResult(count(items, ItemOutcome.Status.ACCEPTED), count(items, ItemOutcome.Status.REJECTED),
				count(items, ItemOutcome.Status.NOT_PUBLISHED), List.copyOf(items));
	}

	private static int count(List<ItemOutcome> items, ItemOutcome.Status status) {
		return (int) items.stream().filter((item) -> item.status() == status).count();
	}

}
