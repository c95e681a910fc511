package dev.sift.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a record's canonical content: system, instruction, input, output, category and every
 * turn, each field length-prefixed so that no two different records share a canonical form.
 * Two records with the same hash are exact duplicates.
 */
public final class ContentHash {

    private ContentHash() {}

    public static byte[] of(SampleContent content) {
        MessageDigest digest = sha256();
        update(digest, content.system());
        update(digest, content.instruction());
        update(digest, content.input());
        update(digest, content.output());
        update(digest, content.category());
        for (Message m : content.messages()) {
            update(digest, m.role());
            update(digest, m.content());
        }
        return digest.digest();
    }

    public static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    private static void update(MessageDigest digest, String field) {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        digest.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
