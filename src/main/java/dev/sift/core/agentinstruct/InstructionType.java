package dev.sift.core.agentinstruct;

import java.util.Objects;

/**
 * One entry of a skill's instruction-type taxonomy: what kind of instruction the generator is asked to write.
 *
 * @param example a short illustration for the generator; may be empty
 */
public record InstructionType(String type, String description, String example) {

    public InstructionType {
        Objects.requireNonNull(type, "type");
        description = Objects.requireNonNullElse(description, "");
        example = Objects.requireNonNullElse(example, "");
    }
}
