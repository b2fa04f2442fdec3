package dev.herald.catalog.web;

import java.net.URI;

import dev.herald.catalog.CatalogProperties;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UrlPathHelper;

/**
 * The absolute links the catalog gives out (in API answers, feeds, pages): from the
 * configured public base URL, never from the request's Host or forwarded headers, so that
 * a forged Host cannot end up in an answer or in a cached feed.
 */
@Component
public class PublicLinks {

	private static final UrlPathHelper paths = new UrlPathHelper();

	private final URI base;

	public PublicLinks(CatalogProperties properties) {
		String url = properties.publicBaseUrl().toString();
		this.base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
	}

	/**
	 * The public base URL, to add a path to.
	 * @return a new builder
	 */
	public UriComponentsBuilder base() {
		return UriComponentsBuilder.fromUri(this.base);
	}

	/**
	 * The public URL of the current request: its path and query under the base URL.
	 * @return a new builder
	 */
	public UriComponentsBuilder current() {
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		return base().path(paths.getPathWithinApplication(request)).query(request.getQueryString());
	}

}
