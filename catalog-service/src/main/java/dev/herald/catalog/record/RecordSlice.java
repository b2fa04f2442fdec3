package dev.herald.catalog.record;

import java.util.List;

/**
 * One page of records and where the next one starts.
 *
 * @param records the records, newest first
 * @param next the cursor of the next page, or {@code null} on the last page
 */
public record RecordSlice(List<RecordDocument> records, Cursor next) {
}
