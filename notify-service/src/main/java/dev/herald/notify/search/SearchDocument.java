package dev.herald.notify.search;

import java.util.List;
import java.util.Locale;

import dev.herald.contracts.text.TextAnalyzer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/**
 * A record as saved searches see it: the words of its title, summary and body, in order
 * and analysed as the catalog analyses them (so phrases match across word forms), its
 * document symbols, kind and organization.
 */
public final class SearchDocument {

	static final String TEXT = "text";

	static final String KIND = "kind";

	static final String ORGANIZATION = "organization";

	static final String SYMBOL = "symbol";

	/** Words of different fields are never adjacent, so no phrase spans two of them. */
	private static final int FIELD_GAP = 100;

	private SearchDocument() {
	}

	/**
	 * The analyzer of documents built here: their words are analysed already, and only
	 * split at the spaces that join them.
	 * @return the analyzer
	 */
	public static Analyzer analyzer() {
		return new Analyzer() {

			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				return new TokenStreamComponents(new WhitespaceTokenizer());
			}

			@Override
			public int getPositionIncrementGap(String fieldName) {
				return FIELD_GAP;
			}

		};
	}

	/**
	 * A record as a document.
	 * @param analyzer the catalog's text analysis
	 * @param language the record's language
	 * @param kind its kind
	 * @param organization its organization
	 * @param texts its title, summary and body; {@code null}s are skipped
	 * @param symbols its document symbols
	 * @return the document
	 */
	public static Document of(TextAnalyzer analyzer, String language, String kind, String organization,
			List<String> texts, List<String> symbols) {
		Document document = new Document();
		for (String text : texts) {
			if (text != null) {
				document
					.add(new TextField(TEXT, String.join(" ", analyzer.recordWords(language, text)), Field.Store.NO));
			}
		}
		for (String symbol : (symbols != null) ? symbols : List.<String>of()) {
			String whole = symbol.toLowerCase(Locale.ROOT);
			document.add(new TextField(TEXT, whole, Field.Store.NO));
			document.add(new StringField(SYMBOL, whole, Field.Store.NO));
		}
		if (kind != null) {
			document.add(new StringField(KIND, kind, Field.Store.NO));
		}
		if (organization != null) {
			document.add(new StringField(ORGANIZATION, organizationKey(organization), Field.Store.NO));
		}
		return document;
	}

	static String organizationKey(String organization) {
		return organization.strip().toLowerCase(Locale.ROOT);
	}

}
