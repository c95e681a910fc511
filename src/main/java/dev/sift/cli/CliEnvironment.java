package dev.sift.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.app.SiftContext;
import java.io.PrintStream;

/**
 * What every command runs with: the shared context, the two output streams (results on {@code out},
 * progress and errors on {@code err}), and whether {@code err} is a terminal.
 */
public record CliEnvironment(SiftContext context, PrintStream out, PrintStream err, boolean terminal) {

    /**
     * The JSON mapper for {@code --json} output, created on first use: building one loads some four
     * hundred classes, which a plain command should not pay for at start-up.
     */
    public ObjectMapper json() {
        return LazyMapper.INSTANCE;
    }

    private static final class LazyMapper {
        static final ObjectMapper INSTANCE = new ObjectMapper();
    }
}
