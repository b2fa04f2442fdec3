package dev.herald.catalog.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import dev.herald.catalog.record.RecordDocument;
import dev.herald.catalog.record.RecordFilter;
import dev.herald.catalog.record.RecordQuery;
import dev.herald.catalog.record.RecordQueryParser;
import dev.herald.catalog.record.RecordSearch;
import dev.herald.catalog.web.PublicLinks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Atom feed of the newest records matching the same filters as the API. Its ETag is
 * derived from the matching records' ids and revisions, so a reader polling with
 * {@code If-None-Match} gets 304 until something in the feed changes.
 */
@RestController
@Tag(name = "Feeds", description = "Atom feeds for feed readers.")
class FeedController {

	static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private final RecordQueryParser parser;

	private final PublicLinks links;

	private final RecordSearch search;

	private final AtomFeedWriter writer;

	FeedController(RecordQueryParser parser, RecordSearch search, AtomFeedWriter writer, PublicLinks links) {
		this.links = links;
		this.parser = parser;
		this.search = search;
		this.writer = writer;
	}

	@GetMapping(path = "/feeds/records.atom", produces = { "application/atom+xml", "application/xml", "*/*" })
	@Operation(summary = "Atom feed of the newest matching records",
			description = "Accepts the filters of GET /api/v1/records; lists the newest 50 matching records.")
	@ApiResponse(responseCode = "200", description = "An Atom 1.0 feed")
	@ApiResponse(responseCode = "304", description = "The feed has not changed since the ETag sent in If-None-Match")
	ResponseEntity<String> feed(@ParameterObject RecordFilter filter, @Parameter(hidden = true) WebRequest request,
			@Parameter(hidden = true) HttpServletRequest servletRequest) {
		RecordQuery query = this.parser.parseFeed(filter);
		List<RecordDocument> records = this.search.find(query).records();
		String selfUrl = this.links.current().build().toUriString();
		String etag = etag(selfUrl, records);
		CacheControl cache = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
		}
		UriComponentsBuilder base = this.links.base();
		String pageUrl = base.cloneBuilder()
			.path("/records")
			.query(servletRequest.getQueryString())
			.build()
			.toUriString();
		String atom = this.writer.write(records, selfUrl, pageUrl, base);
		return ResponseEntity.ok().contentType(ATOM).eTag(etag).cacheControl(cache).body(atom);
	}

	private static String etag(String selfUrl, List<RecordDocument> records) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(selfUrl.getBytes(StandardCharsets.UTF_8));
			for (RecordDocument record : records) {
				digest.update((record.id() + "@" + record.publishedAt() + ";").getBytes(StandardCharsets.UTF_8));
			}
			return "\"" + HexFormat.of().formatHex(digest.digest(), 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
