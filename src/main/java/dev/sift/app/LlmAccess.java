package dev.sift.app;

import dev.sift.core.config.SecretException;
import dev.sift.core.config.SecretResolver;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.cache.CacheMode;
import dev.sift.core.llm.cache.CachingLlmClient;
import dev.sift.core.llm.engine.Budget;
import dev.sift.core.llm.engine.EngineSettings;
import dev.sift.core.llm.engine.LlmEngine;
import dev.sift.core.llm.local.ChatTemplate;
import dev.sift.core.llm.local.LocalLlmClient;
import dev.sift.core.llm.openai.DetectedServer;
import dev.sift.core.llm.openai.LocalServerDetector;
import dev.sift.core.llm.openai.OpenAiCompatibleClient;
import dev.sift.core.model.Agent;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the workbench and the CLI reach models: builds the client for an endpoint (with its key
 * resolved from the environment or the credentials file, never from the project), checks a
 * connection, finds local servers, and assembles the full stack for an agent:
 * cache and call log, then the engine (retries, endpoint pool, circuit breaker, rate limits, budget),
 * then one HTTP client per endpoint.
 *
 * <p>A LOCAL endpoint's model folder is opened in process the first time a client for it is asked for, and
 * stays open, shared by every endpoint of that folder and chat template, until {@link #close()} (an open
 * model holds its weights in memory; calls to it run one at a time, so such endpoints are best given a
 * concurrency of 1). The endpoint's chat template, when it names one, wins over the one detected from the
 * folder; a {@code @template} suffix on a request's model still overrides both for that request.
 */
public final class LlmAccess implements AutoCloseable {

    private final SecretResolver secrets;
    private final EngineSettings settings;
    private final Map<String, LocalLlmClient> localModels = new HashMap<>();

    public LlmAccess(SecretResolver secrets, EngineSettings settings) {
        this.secrets = secrets;
        this.settings = settings;
    }

    /**
     * A client that makes one attempt per call, for connection tests and listing models.
     *
     * For a LOCAL endpoint this is the shared in-process client of its model folder, opened (blocking while
     * the model loads) on first use.
     *
     * @throws SecretException when the endpoint's key reference cannot be resolved
     * @throws IllegalArgumentException when a LOCAL endpoint's model folder cannot be opened
     */
    public LlmClient directClient(Endpoint endpoint) throws SecretException {
        if (endpoint.kind() == EndpointKind.LOCAL) {
            return localClient(endpoint);
        }
        var key = secrets.resolve(endpoint.keyRef()).map(secret -> secret.reveal());
        return new OpenAiCompatibleClient(endpoint.baseUrl(), key, endpoint.name());
    }

    /** The outcome of a connection test: how long listing the models took, and which they are. */
    public record ConnectionCheck(boolean ok, long latencyMillis, List<String> models, String error) {
        public ConnectionCheck {
            models = List.copyOf(models);
        }
    }

    /** Lists the endpoint's models once and times it. Blocks; never throws: failures are in the result. */
    public ConnectionCheck check(Endpoint endpoint) {
        long start = System.nanoTime();
        try {
            List<String> models = directClient(endpoint).models();
            return new ConnectionCheck(true, (System.nanoTime() - start) / 1_000_000, models, "");
        } catch (SecretException | LlmException | IllegalArgumentException e) {
            return new ConnectionCheck(false, (System.nanoTime() - start) / 1_000_000, List.of(), e.getMessage());
        }
    }

    /** Closes the in-process models opened so far; a later call opens them again. */
    @Override
    public synchronized void close() {
        localModels.values().forEach(LocalLlmClient::close);
        localModels.clear();
    }

    private synchronized LocalLlmClient localClient(Endpoint endpoint) {
        if (endpoint.modelDir().isBlank()) {
            throw new IllegalArgumentException("endpoint " + endpoint.name() + " names no model folder");
        }
        Optional<ChatTemplate> chosen = chosenTemplate(endpoint);
        Path folder = Path.of(endpoint.modelDir()).toAbsolutePath().normalize();
        // One open model per folder and template: endpoints that share both share the loaded weights.
        String key = folder + chosen.map(t -> "@" + t.id()).orElse("");
        LocalLlmClient client = localModels.get(key);
        if (client == null) {
            try {
                client = LocalLlmClient.open(folder, chosen);
            } catch (IOException e) {
                throw new IllegalArgumentException("endpoint " + endpoint.name() + ": " + e.getMessage(), e);
            }
            localModels.put(key, client);
        }
        return client;
    }

    /** The endpoint's explicit chat template; empty when it is to be detected from the folder. */
    private static Optional<ChatTemplate> chosenTemplate(Endpoint endpoint) {
        if (endpoint.chatTemplateName().isEmpty()) {
            return Optional.empty();
        }
        String name = endpoint.chatTemplateName().get();
        return Optional.of(ChatTemplate.byName(name).orElseThrow(() -> new IllegalArgumentException("endpoint "
                + endpoint.name() + ": unknown chat template '" + name + "'; choose one of " + ChatTemplate.names())));
    }

    /** Probes the usual loopback ports of local model servers. Blocks for well under a second. */
    public List<DetectedServer> detect() throws InterruptedException {
        return new LocalServerDetector().detect();
    }

    /**
     * The client for token-level scoring (IFD) on an OpenAI-compatible endpoint: the engine over the endpoint and the
     * other such endpoints of its group, with retries, circuit breakers, rate limits and no budget cap. Nothing goes
     * through the call log or its cache: the scores themselves are saved per sample.
     *
     * @throws IllegalArgumentException when the endpoint is LOCAL: an in-process model scores from its folder
     */
    public LlmClient forScoring(ProjectStore store, Endpoint endpoint) throws StoreException, SecretException {
        if (endpoint.kind() != EndpointKind.OPENAI) {
            throw new IllegalArgumentException("endpoint " + endpoint.name() + " is an in-process model; score IFD "
                    + "with its model folder " + endpoint.modelDir() + " instead");
        }
        List<Endpoint> endpoints = LlmEngine.membersOf(endpoint, store.endpoints().list()).stream()
                .filter(e -> e.kind() == EndpointKind.OPENAI).toList();
        Map<Long, LlmClient> clients = new HashMap<>();
        for (Endpoint member : endpoints) {
            clients.put(member.id(), directClient(member));
        }
        return LlmEngine.builder(endpoints, e -> clients.get(e.id())).settings(settings).build();
    }

    /**
     * The full stack for an agent: every call is looked up in and written to the project's call log
     * (served from it at zero cost when {@code cache} is ON), then sent through the engine over the
     * agent's endpoint or all endpoints of its group.
     *
     * @param runId the run the calls belong to, or 0 for calls outside a run (e.g. {@code sift chat})
     */
    public LlmClient forAgent(ProjectStore store, Agent agent, long runId, CacheMode cache, Budget budget)
            throws StoreException, SecretException {
        List<Endpoint> endpoints = agent.endpointId() != 0
                ? List.of(store.endpoints().find(agent.endpointId()).orElseThrow(() ->
                        new StoreException("Agent " + agent.name() + " uses an endpoint that no longer exists")))
                : store.endpoints().listGroup(agent.endpointGroup());
        if (endpoints.isEmpty()) {
            throw new StoreException("Agent " + agent.name() + " uses endpoint group '" + agent.endpointGroup()
                    + "', which has no endpoints");
        }
        Map<Long, LlmClient> clients = new HashMap<>();
        for (Endpoint endpoint : endpoints) {
            clients.put(endpoint.id(), directClient(endpoint));
        }
        LlmEngine engine = LlmEngine.builder(endpoints, e -> clients.get(e.id())).settings(settings).budget(budget).build();
        return new CachingLlmClient(engine, store.llmCalls(), endpoints.get(0), runId, cache);
    }
}
