package dev.sift.app;

import java.util.List;
import java.util.Optional;

/**
 * The recipes whose runs resume from their stored configuration. A recipe joins by adding its entry here; the Runs
 * screen's Resume button and {@code sift runs resume} then handle its runs with no further change.
 */
public final class Recipes {

    private static final List<ResumableRecipe> RESUMABLE = List.of(
            StarAgentsRuns.RECIPE, ReflectionRuns.RECIPE, AgentInstructRuns.RECIPE);

    private Recipes() {}

    /** Every resumable recipe, in the order the workbench lists them. */
    public static List<ResumableRecipe> resumable() {
        return RESUMABLE;
    }

    /** The resumable recipe with this id, if it is one. */
    public static Optional<ResumableRecipe> resumable(String recipe) {
        return RESUMABLE.stream().filter(r -> r.recipe().equals(recipe)).findFirst();
    }
}
