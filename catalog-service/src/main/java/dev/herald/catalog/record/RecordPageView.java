package dev.herald.catalog.record;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One page of the listing.
 *
 * @param items the records, newest first
 * @param size the page size asked for
 * @param next the URL of the next page, or {@code null} on the last page
 * @param previous the URL of the previous page, or {@code null} on the first page
 */
@Schema(name = "RecordPage", description = "One page of records, newest first.")
public record RecordPageView(List<RecordView> items, int size, @Schema(
		description = "URL of the next page (same filters, opaque cursor); null on the last page.",
		example = "http://localhost:8082/api/v1/records?topic=information-security&cursor=djF8MjAyMy0xMS0xM3xhNGYyZDljYy0yMDY1LTRjZmEtYTc0OS00NWE4ZmQ0YWFmNTM") String next,
		@Schema(description = "URL of the previous page (same filters, opaque cursor); null on the first page.") String previous) {
}
