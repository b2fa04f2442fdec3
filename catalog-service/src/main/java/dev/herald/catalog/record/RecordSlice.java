package dev.herald.catalog.record;

import java.util.List;

/**
 * One page of records and where the pages beside it start.
 *
 * @param records the records, newest first
 * @param next the cursor of the next page, or {@code null} on the last page
 * @param previous the cursor of the previous page, or {@code null} on the first page
 */
public record RecordSlice(List<RecordDocument> records, Cursor next, Cursor previous) {

	/**
	 * A page with no page before it.
	 * @param records the records, newest first
	 * @param next the cursor of the next page, or {@code null} on the last page
	 */
	public RecordSlice(List<RecordDocument> records, Cursor next) {
		this(records, next, null);
	}

}
