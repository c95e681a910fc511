package dev.sift.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.cli.ExitCodes;
import dev.sift.core.llm.ChatParametersJson;
import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentPair;
import dev.sift.core.model.AgentRole;
import dev.sift.core.model.Endpoint;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code sift agents add|list|pair}: models with a role, a system prompt and decoding parameters. */
@Command(name = "agents", description = "Agents (model + role + prompt + parameters) and agent pairs.",
        subcommands = {AgentsCommand.Add.class, AgentsCommand.ListAgents.class, AgentsCommand.Pair.class})
final class AgentsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** One endpoint, or a group of endpoints that share the load. */
    static final class Target {
        @Option(names = "--endpoint", paramLabel = "NAME", description = "The endpoint serving the model.")
        String endpoint;

        @Option(names = "--group", paramLabel = "GROUP", description = "Use every endpoint of this group together.")
        String group;
    }

    @Command(name = "add", description = "Define an agent.")
    static final class Add extends ProjectCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Option(names = "--model", required = true, description = "Model id as the server lists it.")
        String model;

        @Option(names = "--role", required = true, description = "One of: ${COMPLETION-CANDIDATES} (case-insensitive).",
                completionCandidates = Roles.class, converter = RoleConverter.class)
        AgentRole role;

        @Option(names = "--system", defaultValue = "", description = "System prompt.")
        String systemPrompt;

        @Option(names = "--params", defaultValue = "{}", paramLabel = "JSON",
                description = "Decoding parameters, e.g. '{\"temperature\":0.7,\"max_tokens\":512}'.")
        String params;

        @Override
        int run(ProjectStore store) throws StoreException {
            try {
                ChatParametersJson.fromJson(params);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--params: " + e.getMessage());
            }
            long endpointId = 0;
            if (target.endpoint != null) {
                Endpoint endpoint = store.endpoints().findByName(target.endpoint).orElseThrow(() ->
                        new ParameterException(spec.commandLine(), "No endpoint '" + target.endpoint + "'"));
                endpointId = endpoint.id();
            }
            Agent added = store.agents().add(new Agent(0, name, endpointId, target.group, model, role, systemPrompt, params));
            if (json) {
                printResult(agentJson(env().json().createObjectNode(), added, store));
            } else {
                env().out().println("Added agent " + added.name() + " (" + role.name().toLowerCase(Locale.ROOT) + ", "
                        + model + ")");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "List agents and agent pairs.")
    static final class ListAgents extends ProjectCommand {
        @Override
        int run(ProjectStore store) throws StoreException {
            List<Agent> agents = store.agents().list();
            List<AgentPair> pairs = store.agents().listPairs();
            if (json) {
                ArrayNode agentArray = env().json().createArrayNode();
                for (Agent a : agents) {
                    agentJson(agentArray.addObject(), a, store);
                }
                ArrayNode pairArray = env().json().createArrayNode();
                pairs.forEach(p -> pairArray.addObject().put("id", p.id()).put("name", p.name())
                        .put("instructionAgent", p.instructionAgentId()).put("responseAgent", p.responseAgentId()));
                ObjectNode result = env().json().createObjectNode();
                result.set("agents", agentArray);
                result.set("pairs", pairArray);
                printResult(result);
                return ExitCodes.OK;
            }
            String row = "%-20s %-22s %-28s %-20s %s%n";
            env().out().printf(row, "NAME", "ROLE", "MODEL", "ENDPOINT", "SYSTEM PROMPT");
            for (Agent a : agents) {
                env().out().printf(row, a.name(), a.role().name().toLowerCase(Locale.ROOT), a.model(), where(a, store),
                        preview(a.systemPrompt()));
            }
            if (!pairs.isEmpty()) {
                env().out().println();
                env().out().printf("%-24s %-20s %s%n", "PAIR", "INSTRUCTION AGENT", "RESPONSE AGENT");
                for (AgentPair p : pairs) {
                    env().out().printf("%-24s %-20s %s%n", p.name(), agentName(store, p.instructionAgentId()),
                            agentName(store, p.responseAgentId()));
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "pair", description = "Pair an instruction agent with a response agent.")
    static final class Pair extends ProjectCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--instruction", required = true, paramLabel = "AGENT")
        String instructionAgent;

        @Option(names = "--response", required = true, paramLabel = "AGENT")
        String responseAgent;

        @Override
        int run(ProjectStore store) throws StoreException {
            Agent instruction = agent(store, instructionAgent);
            Agent response = agent(store, responseAgent);
            AgentPair pair = store.agents().addPair(new AgentPair(0, name, instruction.id(), response.id()));
            if (json) {
                printResult(env().json().createObjectNode().put("id", pair.id()).put("name", pair.name()));
            } else {
                env().out().println("Added pair " + pair.name() + ": " + instruction.name() + " -> " + response.name());
            }
            return ExitCodes.OK;
        }

        private Agent agent(ProjectStore store, String agentName) throws StoreException {
            return store.agents().findByName(agentName).orElseThrow(() ->
                    new ParameterException(spec.commandLine(), "No agent '" + agentName + "'"));
        }
    }

    static ObjectNode agentJson(ObjectNode node, Agent a, ProjectStore store) throws StoreException {
        node.put("id", a.id()).put("name", a.name()).put("role", a.role().name().toLowerCase(Locale.ROOT));
        node.put("model", a.model()).put("endpoint", where(a, store)).put("systemPrompt", a.systemPrompt());
        node.put("params", a.parametersJson());
        return node;
    }

    private static String where(Agent a, ProjectStore store) throws StoreException {
        if (a.endpointId() == 0) {
            return "group " + a.endpointGroup();
        }
        return store.endpoints().find(a.endpointId()).map(Endpoint::name).orElse("?");
    }

    private static String agentName(ProjectStore store, long id) throws StoreException {
        return store.agents().find(id).map(Agent::name).orElse("?");
    }

    private static String preview(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 50 ? flat.substring(0, 49) + "…" : flat;
    }

    static final class Roles implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(AgentRole.values()).map(r -> r.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }

    static final class RoleConverter implements picocli.CommandLine.ITypeConverter<AgentRole> {
        @Override
        public AgentRole convert(String value) {
            try {
                return AgentRole.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("unknown role '" + value + "'; choose one of "
                        + String.join(", ", new Roles()));
            }
        }
    }
}
