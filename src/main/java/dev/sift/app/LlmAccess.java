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
import dev.sift.core.llm.openai.DetectedServer;
import dev.sift.core.llm.openai.LocalServerDetector;
import dev.sift.core.llm.openai.OpenAiCompatibleClient;
import dev.sift.core.model.Agent;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the workbench and the CLI reach models: builds the client for an endpoint (with its key
 * resolved from the environment or the credentials file, never from the project), checks a
 * connection, finds local servers, and assembles the full stack for an agent:
 * cache and call log, then the engine (retries, endpoint pool, circuit breaker, rate limits, budget),
 * then one HTTP client per endpoint.
 */
public final class LlmAccess {

    private final SecretResolver secrets;
    private final EngineSettings settings;

    public LlmAccess(SecretResolver secrets, EngineSettings settings) {
        this.secrets = secrets;
        this.settings = settings;
    }

    /**
     * A client that makes one attempt per call, for connection tests and listing models.
     *
     * @throws SecretException when the endpoint's key reference cannot be resolved
     * @throws IllegalArgumentException for an in-process (local) endpoint, which has no HTTP client
     */
    public LlmClient directClient(Endpoint endpoint) throws SecretException {
        if (endpoint.kind() != EndpointKind.OPENAI) {
            throw new IllegalArgumentException("endpoint " + endpoint.name() + " is an in-process model folder,"
                    + " which the in-process model feature serves");
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

    /** Probes the usual loopback ports of local model servers. Blocks for well under a second. */
    public List<DetectedServer> detect() throws InterruptedException {
        return new LocalServerDetector().detect();
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
