package dev.sift.ui.insights;

import dev.sift.core.scoring.IfdOptions;
import java.util.function.Supplier;

/** The IFD scoring presets offered in the workbench, with the ids the command line uses. */
public enum IfdMode {
    CHERRY_V1("cherry-v1", IfdOptions::cherryV1),
    SUPERFILTERING("superfiltering", IfdOptions::superfiltering),
    REFLECTION("reflection", IfdOptions::reflection);

    private final String id;
    private final Supplier<IfdOptions> options;

    IfdMode(String id, Supplier<IfdOptions> options) {
        this.id = id;
        this.options = options;
    }

    public String id() {
        return id;
    }

    public IfdOptions options() {
        return options.get();
    }
}
