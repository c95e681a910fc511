package dev.sift.core.llm.engine;

import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.ChatResponse;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.ScoreRequest;
import dev.sift.core.llm.ScoreResult;
import dev.sift.core.llm.StreamListener;
import dev.sift.core.llm.Tokenization;
import dev.sift.core.model.Endpoint;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * The client an agent calls: its endpoint, or every endpoint of its group, behind retries, circuit
 * breakers, rate limits and a budget. From the caller inwards:
 *
 * <pre>
 * RetryingLlmClient                 one logical call; waits between attempts
 *  └ EndpointPool                   each attempt picks the least-loaded healthy endpoint
 *     └ CircuitBreakingLlmClient    per endpoint: refuses at once while open; counts every attempt
 *        └ RateLimitedLlmClient     per endpoint: concurrency slot, requests/tokens per minute
 *           └ MeteredLlmClient      per endpoint: budget check before sending, cost meter after
 *              └ the endpoint's own client (HTTP or in-process): one attempt
 * </pre>
 *
 * Why this order: the retry is outermost so that every attempt goes through everything below it
 * again: a retry may move to another, healthier endpoint of the pool, it re-enters the rate limiter
 * (a retried request costs the server as much as the first one), and each attempt, not each logical
 * call, counts for the circuit breaker, so an endpoint that fails five attempts in a row opens even
 * while one caller is still retrying. The breaker sits outside the rate limiter so that a dead
 * endpoint refuses at once instead of making callers wait for its buckets. The budget is checked
 * innermost, just before sending and with that endpoint's prices, and its refusal (REFUSED) is
 * neither retried nor held against the endpoint.
 *
 * <p>Threading: thread-safe; one engine serves all worker threads of a run. It creates no threads:
 * every wait (a slot, a bucket, a backoff) blocks the caller's own thread, and an interrupt ends it
 * with a TRANSIENT {@link LlmException} and the interrupt flag set. Ownership: the engine does not
 * close the endpoint clients it was given.
 */
public final class LlmEngine implements LlmClient {

    private final LlmClient client;
    private final EndpointPool pool;
    private final Budget budget;
    private final EngineSettings settings;

    private LlmEngine(LlmClient client, EndpointPool pool, Budget budget, EngineSettings settings) {
        this.client = client;
        this.pool = pool;
        this.budget = budget;
        this.settings = settings;
    }

    /**
     * An engine over {@code endpoints} with its own cost meter, no budget cap, the system clock and
     * real sleeps.
     *
     * @param endpoints one endpoint, or the members of a group (distinct names)
     * @param clients makes the single-attempt client of an endpoint; called once per endpoint, here
     */
    public static LlmEngine create(List<Endpoint> endpoints, Function<Endpoint, LlmClient> clients,
            EngineSettings settings) {
        return builder(endpoints, clients).settings(settings).build();
    }

    public static Builder builder(List<Endpoint> endpoints, Function<Endpoint, LlmClient> clients) {
        return new Builder(endpoints, clients);
    }

    /** {@code endpoint} followed by the other endpoints of {@code all} in its group (just it if none). */
    public static List<Endpoint> membersOf(Endpoint endpoint, List<Endpoint> all) {
        List<Endpoint> members = new ArrayList<>();
        members.add(endpoint);
        if (endpoint.groupName().isPresent()) {
            for (Endpoint other : all) {
                if (other.group().equals(endpoint.group()) && !other.name().equals(endpoint.name())) {
                    members.add(other);
                }
            }
        }
        return List.copyOf(members);
    }

    public EngineSettings settings() {
        return settings;
    }

    public Budget budget() {
        return budget;
    }

    public CostMeter costMeter() {
        return budget.meter();
    }

    /** The endpoints' circuits and load now, for a status display. */
    public List<EndpointPool.MemberStatus> status() {
        return pool.status();
    }

    @Override
    public List<String> models() throws LlmException {
        return client.models();
    }

    @Override
    public ChatResponse chat(ChatRequest request) throws LlmException {
        return client.chat(request);
    }

    @Override
    public ChatResponse stream(ChatRequest request, StreamListener listener) throws LlmException {
        return client.stream(request, listener);
    }

    @Override
    public ScoreResult score(ScoreRequest request) throws LlmException {
        return client.score(request);
    }

    @Override
    public Tokenization tokenize(String model, String text, boolean addSpecialTokens) throws LlmException {
        return client.tokenize(model, text, addSpecialTokens);
    }

    @Override
    public List<double[]> promptLogprobs(String model, List<int[]> prompts) throws LlmException {
        return client.promptLogprobs(model, prompts);
    }

    /** Assembles an engine; every part has a default. Not thread-safe; the engine it builds is. */
    public static final class Builder {
        private final List<Endpoint> endpoints;
        private final Function<Endpoint, LlmClient> clients;
        private EngineSettings settings = EngineSettings.defaults();
        private Budget budget;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Random random;

        private Builder(List<Endpoint> endpoints, Function<Endpoint, LlmClient> clients) {
            this.endpoints = List.copyOf(endpoints);
            this.clients = Objects.requireNonNull(clients, "clients");
            if (this.endpoints.isEmpty()) {
                throw new IllegalArgumentException("an engine needs at least one endpoint");
            }
            Set<String> names = new HashSet<>();
            for (Endpoint endpoint : this.endpoints) {
                if (!names.add(endpoint.name())) {
                    throw new IllegalArgumentException("endpoint " + endpoint.name() + " is listed twice");
                }
            }
        }

        public Builder settings(EngineSettings value) {
            settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /** A budget, with its meter, shared with other engines of the same run; default: none. */
        public Builder budget(Budget value) {
            budget = Objects.requireNonNull(value, "budget");
            return this;
        }

        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder sleeper(Sleeper value) {
            sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /** The source of backoff jitter; seed it for repeatable waits. */
        public Builder random(Random value) {
            random = Objects.requireNonNull(value, "random");
            return this;
        }

        public LlmEngine build() {
            Budget runBudget = budget != null ? budget : Budget.unlimited(new CostMeter());
            List<EndpointPool.Member> members = new ArrayList<>();
            for (Endpoint endpoint : endpoints) {
                LlmClient client = Objects.requireNonNull(clients.apply(endpoint), "client of " + endpoint.name());
                LlmClient metered = new MeteredLlmClient(client, endpoint, runBudget, settings.tokens());
                LlmClient limited = new RateLimitedLlmClient(metered, endpoint, settings.tokens(),
                        settings.rateBurst(), clock, sleeper);
                CircuitBreaker breaker = new CircuitBreaker(endpoint.name(), settings.failureThreshold(),
                        settings.coolDown(), clock);
                members.add(new EndpointPool.Member(endpoint, new CircuitBreakingLlmClient(limited, breaker), breaker));
            }
            EndpointPool pool = new EndpointPool(poolName(), members);
            LlmClient retrying = new RetryingLlmClient(pool, settings.retry(), clock, sleeper,
                    random != null ? random : new Random());
            return new LlmEngine(retrying, pool, runBudget, settings);
        }

        private String poolName() {
            String group = endpoints.get(0).group();
            boolean shared = !group.isEmpty() && endpoints.stream().allMatch(e -> e.group().equals(group));
            return shared ? group : endpoints.get(0).name();
        }
    }
}
