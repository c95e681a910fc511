package dev.sift.core.llm.models;

import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * The OkHttp client for Hub calls. Separate from the LLM clients' shared client on purpose: a model
 * download is one long GET whose length is unknown in advance, so it gets no whole-call timeout, only
 * a connect timeout and a read timeout that fires when the server stops sending.
 */
final class HubHttp {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private HubHttp() {}

    private static final class Holder {
        static final OkHttpClient CLIENT = new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .writeTimeout(READ_TIMEOUT)
                .callTimeout(Duration.ZERO)
                // The Hub answers /resolve/ with a redirect to its CDN; OkHttp follows it and drops the
                // Authorization header when the host changes, so the token never leaves huggingface.co.
                .followRedirects(true)
                .build();
    }

    static OkHttpClient client() {
        return Holder.CLIENT;
    }
}
