package dev.sift.cli.command;

import dev.sift.cli.ExitCodes;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.ReviewAction;
import dev.sift.core.store.StoreException;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code sift undo} and {@code sift redo}: the review's history, the same one the workbench undoes. */
final class HistoryCommands {

    private HistoryCommands() {}

    /** Undo or redo, reporting the action or that there was none. */
    abstract static class Step extends ProjectCommand {

        abstract Optional<ReviewAction> step(ProjectStore store) throws StoreException;

        abstract String verb();

        @Override
        int run(ProjectStore store) throws StoreException {
            Optional<ReviewAction> action = step(store);
            if (json) {
                var result = env().json().createObjectNode().put("kind", spec.name()).put("done", action.isPresent());
                action.ifPresent(a -> result.put("action", a.id()).put("description", a.description())
                        .put("samples", a.sampleCount()));
                printResult(result);
            } else if (action.isPresent()) {
                env().out().printf(Locale.ROOT, "%s action %d: %s%n", verb(), action.get().id(),
                        action.get().description());
            } else {
                env().out().println("Nothing to " + spec.name() + ".");
            }
            return action.isPresent() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    @Command(name = "undo", description = "Undo the newest review action (a decide, or a choice in the workbench).")
    static final class Undo extends Step {
        @Override
        Optional<ReviewAction> step(ProjectStore store) throws StoreException {
            return store.review().undo();
        }

        @Override
        String verb() {
            return "Undid";
        }
    }

    @Command(name = "redo", description = "Redo the review action undone most recently.")
    static final class Redo extends Step {
        @Override
        Optional<ReviewAction> step(ProjectStore store) throws StoreException {
            return store.review().redo();
        }

        @Override
        String verb() {
            return "Redid";
        }
    }
}
