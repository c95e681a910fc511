package dev.sift.core.agentinstruct;

/**
 * A skill file that cannot be used. The message names the file and the JSON field, e.g.
 * {@code skills/fermi.json: field 'taxonomy[3].type' is missing}.
 */
public final class SkillException extends IllegalArgumentException {

    private final String source;
    private final String field;

    public SkillException(String source, String field, String problem) {
        super(source + (field.isEmpty() ? ": " : ": field '" + field + "' ") + problem);
        this.source = source;
        this.field = field;
    }

    /** The file or resource. */
    public String source() {
        return source;
    }

    /** The JSON path of the field, e.g. {@code taxonomy[3].type}; empty for the file as a whole. */
    public String field() {
        return field;
    }
}
