package dev.herald.catalog;

import dev.herald.contracts.text.TextAnalyzer;
import dev.herald.contracts.topics.Taxonomy;
import dev.herald.platform.tracing.TracingConfiguration;
import dev.herald.platform.web.PageLocales;
import dev.herald.platform.web.ProblemErrorReports;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The catalog: consumes published records into MongoDB and serves them to readers as a
 * search API, Atom feeds and HTML pages.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({ PageLocales.class, ProblemErrorReports.class, TracingConfiguration.class })
public class CatalogApplication {

	public static void main(String[] args) {
		SpringApplication.run(CatalogApplication.class, args);
	}

	/**
	 * The topic taxonomy of the contract.
	 * @return the taxonomy
	 */
	@Bean
	Taxonomy taxonomy() {
		return Taxonomy.fromContract();
	}

	/**
	 * The analysis of records and queries, shared with notify's saved searches.
	 * @return the analyzer
	 */
	@Bean
	TextAnalyzer textAnalyzer() {
		return new TextAnalyzer();
	}

}
