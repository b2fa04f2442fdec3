package dev.herald.contracts.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Splits text into lower-cased, accent-folded words: Unicode word boundaries (UAX #29),
 * English possessives removed and Latin accents folded to ASCII. The Russian {@code ё}
 * (written as {@code е}, as most Russian text does), stop words and stemming are left to
 * {@link TextAnalyzer}, which picks the stemmer per word.
 */
final class TokenAnalyzer extends Analyzer {

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		StandardTokenizer tokenizer = new StandardTokenizer();
		TokenStream stream = new EnglishPossessiveFilter(tokenizer);
		stream = new LowerCaseFilter(stream);
		stream = new ASCIIFoldingFilter(stream);
		return new TokenStreamComponents(tokenizer, stream);
	}

}
