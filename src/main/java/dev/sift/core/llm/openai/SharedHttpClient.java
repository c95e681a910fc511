package dev.sift.core.llm.openai;

import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Hands out OkHttp clients that share one connection pool and one dispatcher, so every client of
 * every endpoint reuses connections. The dispatcher's limits are set high on purpose: the execution
 * engine bounds concurrency per endpoint, and a second, hidden queue here would only distort it.
 */
final class SharedHttpClient {

    static final int MAX_REQUESTS = 1024;

    private SharedHttpClient() {}

    private static final class Holder {
        static final OkHttpClient BASE = create();

        private static OkHttpClient create() {
            Dispatcher dispatcher = new Dispatcher();
            dispatcher.setMaxRequests(MAX_REQUESTS);
            dispatcher.setMaxRequestsPerHost(MAX_REQUESTS);
            // One call is one attempt (LlmClient's contract): a POST that generated tokens must not be
            // silently sent again. The retry decorator decides, and it sees a TRANSIENT failure.
            // Keep as many idle connections as calls may be in flight: with OkHttp's default of five, a
            // fan-out of 256 reopened a TCP connection for about a third of its calls.
            return new OkHttpClient.Builder()
                    .dispatcher(dispatcher)
                    .connectionPool(new ConnectionPool(MAX_REQUESTS, 5, TimeUnit.MINUTES))
                    .retryOnConnectionFailure(false)
                    .build();
        }
    }

    /** A client with the given limits that shares the pool and dispatcher of all others. */
    static OkHttpClient withTimeouts(HttpTimeouts timeouts) {
        return Holder.BASE.newBuilder()
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.read())
                .writeTimeout(timeouts.read())
                .callTimeout(timeouts.call())
                .build();
    }
}
