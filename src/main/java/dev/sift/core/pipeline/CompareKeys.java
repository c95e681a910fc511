package dev.sift.core.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How "compare datasets" decides that two records ask the same thing: their instruction and input, normalised or
 * exact, reduced to a 128-bit digest so that the base dataset's keys fit in memory at any size.
 *
 * <p>Normalised (the default) means: Unicode NFKC, lower case (root locale), every run of white space (Unicode
 * included) collapsed to one space, and trimmed. Exact compares the text as stored. Instruction and input are kept
 * apart, so "a" + "b c" and "a b" + "c" differ.
 */
final class CompareKeys {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+", Pattern.UNICODE_CHARACTER_CLASS);

    /** A 128-bit digest of one record's key. */
    record Key(long high, long low) {}

    private final boolean exact;

    CompareKeys(boolean exact) {
        this.exact = exact;
    }

    /** The normalised form of one text (NFKC, lower case, collapsed white space, trimmed). */
    static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return WHITESPACE.matcher(folded).replaceAll(" ").strip();
    }

    Key of(String instruction, String input) {
        String a = exact ? instruction : normalise(instruction);
        String b = exact ? input : normalise(input);
        byte[] digest = sha256().digest((a + '\u0000' + b).getBytes(StandardCharsets.UTF_8));
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (digest[i] & 0xff);
            low = (low << 8) | (digest[8 + i] & 0xff);
        }
        return new Key(high, low);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
