package dev.sift.cli.command;

import dev.sift.cli.ExitCodes;
import dev.sift.core.llm.ChatParametersJson;
import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.ChatResponse;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.cache.CacheMode;
import dev.sift.core.llm.engine.Budget;
import dev.sift.core.llm.engine.CostMeter;
import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentRole;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.Message;
import dev.sift.core.store.ProjectStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code sift chat}: one prompt through an agent (or an endpoint and model), the answer streamed to stdout. */
@Command(name = "chat", description = {"Send one prompt through an agent and stream the answer to stdout.",
    "The call goes through the same engine as runs (retries, limits) and is written to the call log."})
final class ChatCommand extends ProjectCommand {

    /** An agent, or an endpoint with a model. */
    static final class Target {
        @Option(names = "--agent", paramLabel = "NAME", description = "The agent to ask.")
        String agent;

        @Option(names = "--endpoint", paramLabel = "NAME", description = "Ask this endpoint directly (needs --model).")
        String endpoint;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--model", description = "Model id, with --endpoint.")
    String model;

    @Option(names = "--system", description = "System prompt (overrides the agent's).")
    String system;

    @Option(names = "--cache", description = "Answer from the call log when the same request was made before.")
    boolean cache;

    @Parameters(arity = "1..*", paramLabel = "PROMPT", description = "The prompt; '-' reads it from stdin.")
    List<String> prompt;

    @Override
    int run(ProjectStore store) throws Exception {
        Agent agent = agent(store);
        var messages = new ArrayList<Message>();
        String systemPrompt = system != null ? system : agent.systemPrompt();
        if (!systemPrompt.isBlank()) {
            messages.add(new Message(Message.SYSTEM, systemPrompt));
        }
        messages.add(new Message(Message.USER, promptText()));
        var request = new ChatRequest(agent.model(), messages, ChatParametersJson.fromJson(agent.parametersJson()));
        LlmClient client = env().context().llm().forAgent(store, agent, 0, cache ? CacheMode.ON : CacheMode.OFF,
                Budget.unlimited(new CostMeter()));
        ChatResponse response = client.stream(request, (index, text) -> {
            if (index == 0 && !json) {
                env().out().print(text);
                env().out().flush();
            }
        });
        if (json) {
            printResult(env().json().createObjectNode().put("model", response.model()).put("text", response.text())
                    .put("promptTokens", response.usage().promptTokens())
                    .put("completionTokens", response.usage().completionTokens()));
        } else {
            env().out().println();
            env().err().printf("[%s · %d prompt + %d completion tokens]%n", response.model(),
                    response.usage().promptTokens(), response.usage().completionTokens());
        }
        return ExitCodes.OK;
    }

    private Agent agent(ProjectStore store) throws Exception {
        if (target.agent != null) {
            return store.agents().findByName(target.agent).orElseThrow(() ->
                    new ParameterException(spec.commandLine(), "No agent '" + target.agent + "'"));
        }
        if (model == null) {
            throw new ParameterException(spec.commandLine(), "--endpoint needs --model");
        }
        Endpoint endpoint = store.endpoints().findByName(target.endpoint).orElseThrow(() ->
                new ParameterException(spec.commandLine(), "No endpoint '" + target.endpoint + "'"));
        return new Agent(0, "chat", endpoint.id(), "", model, AgentRole.RESPONDER, "", "{}");
    }

    private String promptText() throws IOException {
        if (prompt.size() == 1 && prompt.get(0).equals("-")) {
            return new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        return String.join(" ", prompt);
    }
}
