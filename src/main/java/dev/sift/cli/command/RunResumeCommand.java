package dev.sift.cli.command;

import dev.sift.app.Recipes;
import dev.sift.core.llm.ChatParametersJson;
import dev.sift.core.model.Agent;
import dev.sift.core.pipeline.GenerateResponsesSpec;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/**
 * {@code sift runs resume RUN}: continues a run with its stored configuration, by its recipe: a run of a
 * {@linkplain Recipes resumable recipe} as {@code sift run <recipe> --resume RUN} (e.g. {@code sift run star-agents
 * --resume RUN}), a generate run as {@code sift run generate --resume RUN --agent NAME}
 * (the agent is the one whose model and system prompt the run recorded, unless {@code --agent} names it).
 */
@Command(name = "resume", description = "Continue a run (star-agents, generate and the other resumable recipes) where it stopped, without repaying calls.")
final class RunResumeCommand extends ProjectCommand {

    @Parameters(index = "0", paramLabel = "RUN", description = "The run's id.")
    long runId;

    @Option(names = "--agent", paramLabel = "NAME",
            description = "For a generate run: the agent that answers (default: the one matching the run's model).")
    String agent;

    @Option(names = "--no-cache", description = "Always call the models, even for a request answered before.")
    boolean noCache;

    @Override
    int run(ProjectStore store) throws Exception {
        Run run = store.runs().find(runId).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "No run " + runId + "; see 'sift runs list'"));
        List<String> args = new ArrayList<>(List.of("--resume", Long.toString(runId), "--project", project.toString()));
        String subcommand;
        if (Recipes.resumable(run.recipe()).isPresent()) {
            subcommand = run.recipe();
        } else if (GenerateResponsesSpec.RECIPE.equals(run.recipe())) {
            subcommand = "generate";
            args.addAll(List.of("--agent", agent != null ? agent : generateAgent(store, run)));
        } else {
            throw new ParameterException(spec.commandLine(), "Run " + runId + " is a " + run.recipe()
                    + " run, which does not resume; run its command again");
        }
        if (noCache) {
            args.add("--no-cache");
        }
        if (json) {
            args.add("--json");
        }
        store.close(); // the recipe's command opens the project itself
        args.addAll(0, List.of("run", subcommand));
        return dev.sift.cli.SiftCli.execute(env(), args.toArray(String[]::new));
    }

    private String generateAgent(ProjectStore store, Run run) throws Exception {
        GenerateResponsesSpec recorded = GenerateResponsesSpec.fromConfigJson(run.configJson());
        List<Agent> matching = new ArrayList<>();
        for (Agent a : store.agents().list()) {
            if (a.model().equals(recorded.model()) && a.systemPrompt().equals(recorded.systemPrompt())
                    && ChatParametersJson.fromJson(a.parametersJson()).equals(recorded.parameters())) {
                matching.add(a);
            }
        }
        if (matching.size() != 1) {
            throw new ParameterException(spec.commandLine(), "Run " + runId + " was answered by model '"
                    + recorded.model() + "'; " + (matching.isEmpty() ? "no agent" : matching.size() + " agents")
                    + " match it: name one with --agent");
        }
        return matching.get(0).name();
    }
}
