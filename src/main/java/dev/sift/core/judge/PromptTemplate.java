package dev.sift.core.judge;

import dev.sift.core.model.Message;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A judge prompt: a system message and a user message template whose {@code {name}} placeholders (for
 * example {@code {question}} and {@code {answer}}) are filled in one pass, so text that itself contains
 * braces is never substituted again. A placeholder with no value is an error naming it.
 */
public record PromptTemplate(String system, String user) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_0-9]+)\\}");

    public PromptTemplate {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(user, "user");
    }

    /** The system message (when not blank) and the user message with every placeholder replaced. */
    public List<Message> render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(user);
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("judge prompt placeholder {" + m.group(1) + "} has no value; "
                        + "the template can use " + values.keySet());
            }
            m.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        m.appendTail(text);
        return system.isBlank() ? List.of(new Message(Message.USER, text.toString()))
                : List.of(new Message(Message.SYSTEM, system), new Message(Message.USER, text.toString()));
    }

    /** SHA-256 (hex) of the messages as sent: role and content of each, length-prefixed. */
    public static String hash(List<Message> messages) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
        for (Message message : messages) {
            update(digest, message.role());
            update(digest, message.content());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String field) {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        digest.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        digest.update(bytes);
    }
}
