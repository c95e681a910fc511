package dev.sift.core.llm.openai;

import dev.sift.core.llm.LlmException;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Runs the HTTP calls of one client. Every call is enqueued on OkHttp's dispatcher and the calling
 * thread waits on something interruptible, so interrupting the caller cancels the call at once
 * ({@link Call#cancel()}) instead of waiting for a socket read to time out. Thread-safe.
 */
final class HttpCalls {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final String baseUrl;
    private final Optional<String> apiKey;
    private final HttpErrors errors;

    HttpCalls(OkHttpClient http, String baseUrl, Optional<String> apiKey, HttpErrors errors) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey.filter(k -> !k.isEmpty());
        this.errors = errors;
    }

    HttpErrors errors() {
        return errors;
    }

    /** GET {base}{path}; any status comes back as a reply, transport failures as exceptions. */
    HttpReply get(String path) throws LlmException {
        return execute("GET " + path, request(path).get().build());
    }

    /** POST a JSON body to {base}{path}. */
    HttpReply post(String path, String json) throws LlmException {
        return execute("POST " + path, request(path).post(RequestBody.create(json, JSON)).build());
    }

    /**
     * POST a JSON body and read the answer as server-sent events. A status outside 2xx surfaces as an
     * {@link HttpStatusException} from the stream's first {@link SseStream#next()}.
     */
    SseStream postForEvents(String path, String json) throws LlmException {
        String what = "POST " + path;
        checkNotInterrupted(what);
        Request request = request(path).header("Accept", "text/event-stream")
                .post(RequestBody.create(json, JSON)).build();
        Call call = http.newCall(request);
        LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                queue.add(new SseStream.Failure(e));
            }

            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    ResponseBody body = response.body();
                    if (!response.isSuccessful()) {
                        queue.add(new HttpReply(response.code(), response.headers(), body.string()));
                        return;
                    }
                    SseReader reader = new SseReader(body.source());
                    SseEvent event;
                    while ((event = reader.next()) != null) {
                        queue.add(event);
                    }
                    queue.add(SseStream.END);
                } catch (IOException | RuntimeException e) {
                    queue.add(new SseStream.Failure(e));
                }
            }
        });
        return new SseStream(call, queue, errors, what);
    }

    private HttpReply execute(String what, Request request) throws LlmException {
        checkNotInterrupted(what);
        Call call = http.newCall(request);
        CompletableFuture<HttpReply> reply = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                reply.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    reply.complete(new HttpReply(response.code(), response.headers(), response.body().string()));
                } catch (IOException | RuntimeException e) {
                    reply.completeExceptionally(e);
                }
            }
        });
        try {
            return reply.get();
        } catch (InterruptedException e) {
            call.cancel();
            Thread.currentThread().interrupt();
            throw errors.interrupted(what, e);
        } catch (ExecutionException e) {
            throw errors.transport(what, e.getCause());
        }
    }

    private void checkNotInterrupted(String what) throws LlmException {
        if (Thread.currentThread().isInterrupted()) {
            throw errors.interrupted(what, new InterruptedException("interrupted before the call"));
        }
    }

    private Request.Builder request(String path) {
        Request.Builder builder = new Request.Builder().url(baseUrl + path).header("Accept", "application/json");
        apiKey.ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        return builder;
    }
}
