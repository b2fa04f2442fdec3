package dev.herald.catalog.record;

import java.util.ArrayList;
import java.util.List;

import dev.herald.catalog.web.PublicLinks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The records API: a filtered, paginated listing and single records.
 */
@RestController
@RequestMapping(path = "/api/v1/records", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Records", description = "Published meetings and statements.")
class RecordController {

	private static final String BAD_REQUEST_EXAMPLE = """
			{"type":"about:blank","title":"Bad Request","status":400,\
			"detail":"Parameter 'cursor' is malformed; use the 'next' link of a previous page",\
			"instance":"/api/v1/records","parameter":"cursor"}""";

	private final RecordQueryParser parser;

	private final PublicLinks links;

	private final RecordSearch search;

	RecordController(RecordQueryParser parser, RecordSearch search, PublicLinks links) {
		this.links = links;
		this.parser = parser;
		this.search = search;
	}

	@GetMapping
	@Operation(summary = "List records, newest first",
			description = "Filters combine with AND; repeated topics combine with OR. Follow 'next' (also sent as "
					+ "a Link header) for the following page; pages stay stable while new records arrive.")
	@ApiResponse(responseCode = "200", description = "A page of records")
	@ApiResponse(responseCode = "400", description = "A parameter is wrong; 'parameter' names it",
			content = @Content(mediaType = "application/problem+json",
					examples = @ExampleObject(value = BAD_REQUEST_EXAMPLE)))
	ResponseEntity<RecordPageView> list(@ParameterObject RecordFilter filter,
			@Parameter(description = "Records per page, 1 to 100.",
					example = "20") @RequestParam(required = false) String size,
			@Parameter(description = "Opaque position from the 'next' link of the previous page.") @RequestParam(
					required = false) String cursor) {
		RecordQuery query = this.parser.parse(filter, size, cursor);
		RecordSlice slice = this.search.find(query);
		UriComponentsBuilder base = this.links.base();
		String next = pageUrl(slice.next());
		String previous = pageUrl(slice.previous());
		RecordPageView page = new RecordPageView(
				slice.records().stream().map((record) -> RecordView.of(record, base)).toList(), query.size(), next,
				previous);
		ResponseEntity.BodyBuilder response = ResponseEntity.ok();
		List<String> links = new ArrayList<>();
		if (next != null) {
			links.add("<" + next + ">; rel=\"next\"");
		}
		if (previous != null) {
			links.add("<" + previous + ">; rel=\"prev\"");
		}
		if (!links.isEmpty()) {
			response.header(HttpHeaders.LINK, String.join(", ", links));
		}
		return response.body(page);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get one record")
	@ApiResponse(responseCode = "200", description = "The record")
	@ApiResponse(responseCode = "404", description = "No record has this id",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = """
					{"type":"about:blank","title":"Not Found","status":404,\
					"detail":"No record with id '3f0c9d2e-6b1a-4c55-9f7e-2d8a41b07c13'",\
					"instance":"/api/v1/records/3f0c9d2e-6b1a-4c55-9f7e-2d8a41b07c13"}""")))
	RecordView get(@Parameter(example = "3f0c9d2e-6b1a-4c55-9f7e-2d8a41b07c13") @PathVariable String id) {
		return this.search.findById(id)
			.map((record) -> RecordView.of(record, this.links.base()))
			.orElseThrow(() -> RecordNotFoundException.forId(id));
	}

	private String pageUrl(Cursor cursor) {
		return (cursor != null)
				? this.links.current().replaceQueryParam("cursor", cursor.encode()).build().toUriString() : null;
	}

}
