package dev.sift.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.app.LlmAccess;
import dev.sift.cli.ExitCodes;
import dev.sift.core.config.Secret;
import dev.sift.core.llm.local.ChatTemplate;
import dev.sift.core.llm.local.ChatTemplates;
import dev.sift.core.llm.openai.DetectedServer;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import dev.sift.core.store.ProjectStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sift endpoints detect|add|test|list}: where models are served. */
@Command(name = "endpoints", description = "Model servers: detect local ones, add, test, list.",
        subcommands = {EndpointsCommand.Detect.class, EndpointsCommand.Add.class, EndpointsCommand.Test.class,
            EndpointsCommand.ListEndpoints.class})
final class EndpointsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "detect", description = {"Look for model servers on this machine's usual ports",
        "(Ollama 11434, llama.cpp 8080, vLLM 8000, LM Studio 1234, SGLang 30000).",
        "With --add, register each one found in the project."})
    static final class Detect extends ProjectCommand {
        @Option(names = "--add", description = "Add the servers found to the project as endpoints.")
        boolean add;

        @Override
        boolean needsProject() {
            return add;
        }

        @Override
        int run(ProjectStore store) throws Exception {
            List<DetectedServer> servers = env().context().llm().detect();
            ArrayNode found = env().json().createArrayNode();
            for (DetectedServer server : servers) {
                String name = server.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + port(server.baseUrl());
                if (add && store.endpoints().findByName(name).isEmpty()) {
                    store.endpoints().add(Endpoint.openAi(name, server.baseUrl(), ""));
                }
                if (json) {
                    ObjectNode node = found.addObject().put("kind", server.kind().displayName())
                            .put("baseUrl", server.baseUrl()).put("name", name);
                    server.models().forEach(node.putArray("models")::add);
                } else {
                    env().out().printf("%-12s %-32s %s%s%n", server.kind().displayName(), server.baseUrl(),
                            String.join(", ", server.models()), add ? "  -> endpoint " + name : "");
                }
            }
            if (json) {
                ObjectNode result = env().json().createObjectNode();
                result.set("servers", found);
                printResult(result);
            } else if (servers.isEmpty()) {
                env().out().println("No model server answered on the usual local ports.");
            }
            return ExitCodes.OK;
        }

        private static String port(String baseUrl) {
            return baseUrl.replaceAll("^.*:(\\d+).*$", "$1");
        }
    }

    /** How the endpoint's key is found; at most one. */
    static final class KeyOptions {
        @Option(names = "--key-env", paramLabel = "VAR", description = "Read the key from this environment variable.")
        String env;

        @Option(names = "--key-cred", paramLabel = "NAME", description = "Read the key from this entry of the credentials file.")
        String cred;
    }

    @Command(name = "add", description = {"Register an OpenAI-compatible endpoint (--url) or a model folder run in process (--local).",
        "Keys are never stored in the project: name an environment variable (--key-env) or an entry of",
        "your credentials file (--key-cred; with --key-stdin the key is read from stdin and saved there)."})
    static final class Add extends ProjectCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Where where;

        /** An HTTP server or a model folder run in process. */
        static final class Where {
            @Option(names = "--url", paramLabel = "URL", description = "Base URL, e.g. http://127.0.0.1:8000/v1")
            String url;

            @Option(names = "--local", paramLabel = "FOLDER", description = "An ONNX model folder run in process.")
            java.nio.file.Path folder;
        }

        @Option(names = "--template", paramLabel = "NAME", description = {"With --local: the chat template prompts"
            + " are rendered with, one of " + "${COMPLETION-CANDIDATES}" + ". Default: detected from the folder's"
            + " tokenizer_config.json. An agent model ending in @NAME still overrides it per request."},
                completionCandidates = TemplateNames.class)
        String template;

        @ArgGroup(exclusive = true)
        KeyOptions key = new KeyOptions();

        @Option(names = "--key-stdin", description = "Read the key from stdin and save it under --key-cred in the credentials file.")
        boolean keyFromStdin;

        @Option(names = "--max-concurrency", defaultValue = "8", description = "Requests in flight at once (default ${DEFAULT-VALUE}).")
        int maxConcurrency;

        @Option(names = "--rpm", description = "Requests per minute limit.")
        Integer rpm;

        @Option(names = "--tpm", description = "Tokens per minute limit.")
        Integer tpm;

        @Option(names = "--price-in", defaultValue = "0", description = "Price per million prompt tokens.")
        double priceIn;

        @Option(names = "--price-out", defaultValue = "0", description = "Price per million completion tokens.")
        double priceOut;

        @Option(names = "--group", defaultValue = "", description = "Endpoints in one group serve the same models and share the load.")
        String group;

        @Override
        int run(ProjectStore store) throws Exception {
            String keyRef = key.env != null ? "env:" + key.env : key.cred != null ? "cred:" + key.cred : "";
            if (keyFromStdin) {
                if (key.cred == null) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--key-stdin needs --key-cred NAME");
                }
                String secret = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (secret == null || secret.isBlank()) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no key on stdin");
                }
                env().context().credentials().put(key.cred, Secret.of(secret.strip()));
            }
            boolean local = where.folder != null;
            String templateId = templateId(local);
            var endpoint = new Endpoint(0, name, local ? EndpointKind.LOCAL : EndpointKind.OPENAI,
                    local ? "" : where.url, local ? where.folder.toAbsolutePath().normalize().toString() : "",
                    keyRef, local ? Math.min(maxConcurrency, 1) : maxConcurrency,
                    rpm == null ? OptionalInt.empty() : OptionalInt.of(rpm),
                    tpm == null ? OptionalInt.empty() : OptionalInt.of(tpm), priceIn, priceOut, group, templateId);
            Endpoint added = store.endpoints().add(endpoint);
            if (json) {
                printResult(endpointJson(env().json().createObjectNode(), added));
            } else {
                env().out().println("Added endpoint " + added.name() + " ("
                        + (added.kind() == EndpointKind.LOCAL ? "in process: " + added.modelDir() : added.baseUrl()) + ")"
                        + (keyRef.isEmpty() ? "" : ", key from " + keyRef) + templateNote(added));
            }
            return ExitCodes.OK;
        }

        /** The --template name checked against the templates Sift knows; empty to detect. */
        private String templateId(boolean local) {
            if (template == null) {
                return "";
            }
            if (!local) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--template applies only to --local endpoints; a server applies its own chat template");
            }
            return ChatTemplate.byName(template).map(ChatTemplate::id).orElseThrow(() ->
                    new picocli.CommandLine.ParameterException(spec.commandLine(), "Unknown chat template '" + template
                            + "' for --template; choose one of " + ChatTemplate.names()));
        }

        private static String templateNote(Endpoint added) {
            if (added.kind() != EndpointKind.LOCAL) {
                return "";
            }
            return added.chatTemplateName().map(t -> ", chat template " + t)
                    .orElseGet(() -> ", chat template " + detected(java.nio.file.Path.of(added.modelDir()))
                            .map(t -> "detected: " + t.id())
                            .orElse("not found in the folder: choose one with --template"));
        }
    }

    /** The chat template names, for --template's help. */
    static final class TemplateNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(ChatTemplate.values()).map(ChatTemplate::id).iterator();
        }
    }

    /** What the folder's files say about its chat template; empty when they say nothing or cannot be read. */
    static java.util.Optional<ChatTemplate> detected(java.nio.file.Path folder) {
        try {
            return ChatTemplates.detect(folder);
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
    }

    @Command(name = "test", description = "List an endpoint's models and time it.")
    static final class Test extends ProjectCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        int run(ProjectStore store) throws Exception {
            Endpoint endpoint = store.endpoints().findByName(name).orElseThrow(() ->
                    new picocli.CommandLine.ParameterException(spec.commandLine(), "No endpoint '" + name + "'"));
            LlmAccess.ConnectionCheck check = env().context().llm().check(endpoint);
            if (json) {
                ObjectNode node = env().json().createObjectNode().put("endpoint", name).put("ok", check.ok())
                        .put("latencyMillis", check.latencyMillis()).put("error", check.error());
                check.models().forEach(node.putArray("models")::add);
                printResult(node);
            } else if (check.ok()) {
                env().out().printf("%s: OK in %d ms, %d models: %s%n", name, check.latencyMillis(), check.models().size(),
                        String.join(", ", check.models()));
            } else {
                env().err().println("sift endpoints test: " + check.error());
            }
            return check.ok() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    @Command(name = "list", description = "List the project's endpoints.")
    static final class ListEndpoints extends ProjectCommand {
        @Override
        int run(ProjectStore store) throws Exception {
            List<Endpoint> endpoints = store.endpoints().list();
            if (json) {
                ArrayNode array = env().json().createArrayNode();
                endpoints.forEach(e -> endpointJson(array.addObject(), e));
                ObjectNode result = env().json().createObjectNode();
                result.set("endpoints", array);
                printResult(result);
                return ExitCodes.OK;
            }
            String row = "%-20s %-7s %-36s %-22s %5s %-16s %s%n";
            env().out().printf(row, "NAME", "KIND", "URL", "KEY", "CONC", "TEMPLATE", "GROUP");
            for (Endpoint e : endpoints) {
                env().out().printf(row, e.name(), e.kind().name().toLowerCase(java.util.Locale.ROOT),
                        e.kind() == EndpointKind.OPENAI ? e.baseUrl() : e.modelDir(),
                        e.keyRef().isEmpty() ? "-" : e.keyRef(), e.maxConcurrency(), templateColumn(e), e.group());
            }
            return ExitCodes.OK;
        }
    }

    /** "-" for a server, the chosen name, or "detect (chatml)" / "detect (none)" for a local folder. */
    private static String templateColumn(Endpoint e) {
        if (e.kind() != EndpointKind.LOCAL) {
            return "-";
        }
        return e.chatTemplateName().orElseGet(() -> "detect ("
                + detected(java.nio.file.Path.of(e.modelDir())).map(ChatTemplate::id).orElse("none") + ")");
    }

    static ObjectNode endpointJson(ObjectNode node, Endpoint e) {
        node.put("id", e.id()).put("name", e.name()).put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
        node.put("baseUrl", e.baseUrl()).put("keyRef", e.keyRef()).put("maxConcurrency", e.maxConcurrency());
        e.requestsPerMinute().ifPresent(v -> node.put("rpm", v));
        e.tokensPerMinute().ifPresent(v -> node.put("tpm", v));
        node.put("priceInPerMillion", e.priceInPerMillion()).put("priceOutPerMillion", e.priceOutPerMillion());
        node.put("group", e.group());
        if (e.kind() == EndpointKind.LOCAL) {
            node.put("modelDir", e.modelDir()).put("chatTemplate", e.chatTemplate());
        }
        return node;
    }
}
