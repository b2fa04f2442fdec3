package dev.herald.notify.search;

import dev.herald.contracts.text.TextAnalyzer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The text analysis notify shares with the catalog, and the syntax of saved searches.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

	@Bean
	TextAnalyzer textAnalyzer() {
		return new TextAnalyzer();
	}

	@Bean
	SearchSyntax searchSyntax(TextAnalyzer analyzer) {
		return new SearchSyntax(analyzer);
	}

}
