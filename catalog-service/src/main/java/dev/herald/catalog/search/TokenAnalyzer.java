package dev.herald.catalog.search;

import java.io.Reader;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Splits text into lower-cased, accent-folded words: Unicode word boundaries (UAX #29),
 * English possessives removed, Latin accents folded to ASCII and the Russian {@code ё}
 * written as {@code е}, as most Russian text does. Stop words and stemming are left to
 * {@link TextAnalyzer}, which picks the stemmer per word.
 */
final class TokenAnalyzer extends Analyzer {

	private static final NormalizeCharMap YO = yo();

	private static NormalizeCharMap yo() {
		NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
		builder.add("ё", "е");
		builder.add("Ё", "Е");
		return builder.build();
	}

	@Override
	protected Reader initReader(String fieldName, Reader reader) {
		return new MappingCharFilter(YO, reader);
	}

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		StandardTokenizer tokenizer = new StandardTokenizer();
		TokenStream stream = new EnglishPossessiveFilter(tokenizer);
		stream = new LowerCaseFilter(stream);
		stream = new ASCIIFoldingFilter(stream);
		return new TokenStreamComponents(tokenizer, stream);
	}

}
