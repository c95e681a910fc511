package dev.sift.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.pipeline.AgentInstructSpec;
import dev.sift.core.store.PairCount;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.RefinementDepth;
import dev.sift.core.store.Run;
import dev.sift.core.store.StoreException;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The AgentInstruct part of {@code sift runs show}: the configuration without the skill texts it keeps (named
 * instead), and the run's pairs per skill and instruction type and per number of refinement rounds.
 */
final class AgentInstructShow {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AgentInstructShow() {}

    /** The configuration to print: an AgentInstruct run's kept skill texts are replaced by their names. */
    static String config(Run run) {
        if (!AgentInstructSpec.RECIPE.equals(run.recipe())) {
            return run.configJson();
        }
        try {
            JsonNode config = JSON.readTree(run.configJson());
            if (config instanceof ObjectNode o && o.has("skillDefinitions")) {
                var names = o.get("skillDefinitions").fieldNames();
                var kept = JSON.createArrayNode();
                names.forEachRemaining(kept::add);
                o.remove("skillDefinitions");
                o.set("skillDefinitionsKept", kept);
            }
            return config.toString();
        } catch (java.io.IOException e) {
            return run.configJson();
        }
    }

    static void print(ProjectStore store, Run run, PrintStream out) throws StoreException {
        if (!AgentInstructSpec.RECIPE.equals(run.recipe())) {
            return;
        }
        var counts = store.instruct().pairCountsOfRun(run.id());
        out.printf(Locale.ROOT, "%n%-24s %-36s %7s%n", "SKILL", "INSTRUCTION TYPE", "PAIRS");
        for (PairCount c : counts) {
            out.printf(Locale.ROOT, "%-24s %-36s %7d%n", c.skill(), c.instructionType(), c.count());
        }
        out.printf(Locale.ROOT, "%n%-18s %7s%n", "REFINEMENT ROUNDS", "PAIRS");
        for (RefinementDepth d : store.instruct().refinementDepthsOfRun(run.id())) {
            out.printf(Locale.ROOT, "%-18d %7d%n", d.rounds(), d.count());
        }
    }

    static void addJson(ProjectStore store, Run run, ObjectNode result) throws StoreException {
        if (!AgentInstructSpec.RECIPE.equals(run.recipe())) {
            return;
        }
        var types = result.putArray("instructionTypes");
        for (PairCount c : store.instruct().pairCountsOfRun(run.id())) {
            types.addObject().put("skill", c.skill()).put("type", c.instructionType()).put("pairs", c.count());
        }
        var depths = result.putArray("refinementRounds");
        for (RefinementDepth d : store.instruct().refinementDepthsOfRun(run.id())) {
            depths.addObject().put("rounds", d.rounds()).put("pairs", d.count());
        }
    }
}
