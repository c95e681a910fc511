package dev.sift.core.seeds;

/**
 * A deterministic stand-in for a subword tokenizer, close enough to size chunks for a prompt. The rule:
 * <ul>
 *   <li>white space counts nothing;</li>
 *   <li>a run of letters, digits and underscores counts one token per started four characters ("the" 1,
 *       "tokenizer" 3), the way subword vocabularies split long words;</li>
 *   <li>each CJK ideograph, kana or hangul syllable counts one token;</li>
 *   <li>every other character (punctuation, symbols, operators) counts one token.</li>
 * </ul>
 * English prose comes out at roughly 1.3 tokens a word, which is what BPE vocabularies give.
 */
public final class ApproximateTokenCounter implements TokenCounter {

    /** Its name in a seed collection's settings, so that a collection says how it was cut. */
    public static final String NAME = "approximate-v1";

    static final int CHARACTERS_PER_WORD_TOKEN = 4;

    @Override
    public int count(CharSequence text) {
        int tokens = 0;
        int run = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (isWordCharacter(cp) && !isIdeographic(cp)) {
                run++;
                continue;
            }
            tokens += wordTokens(run);
            run = 0;
            if (!Character.isWhitespace(cp)) {
                tokens++;
            }
        }
        return tokens + wordTokens(run);
    }

    private static int wordTokens(int run) {
        return (run + CHARACTERS_PER_WORD_TOKEN - 1) / CHARACTERS_PER_WORD_TOKEN;
    }

    private static boolean isWordCharacter(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '_';
    }

    private static boolean isIdeographic(int cp) {
        if (Character.isIdeographic(cp)) {
            return true;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL;
    }
}
