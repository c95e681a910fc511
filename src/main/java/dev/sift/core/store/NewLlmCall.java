package dev.sift.core.store;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A call to record in the log.
 *
 * @param requestHash lower-case hex SHA-256 of the canonical request: the cache key
 * @param runId the run it was made for, or 0
 * @param endpointId the endpoint it went to, or 0
 * @param requestJson the canonical request; never headers or keys
 * @param responseJson the response as JSON, or empty for errors
 * @param httpStatus the HTTP status when known
 * @param error the failure's user-safe message, or empty
 */
public record NewLlmCall(
        String requestHash, long runId, long endpointId, String model, String requestJson, String responseJson,
        LlmCallStatus status, OptionalInt httpStatus, long latencyMillis, long tokensIn, long tokensOut,
        double costUsd, String error) {

    public NewLlmCall {
        Objects.requireNonNull(requestHash, "requestHash");
        if (!requestHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("requestHash must be 64 lower-case hex digits");
        }
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(requestJson, "requestJson");
        responseJson = Objects.requireNonNullElse(responseJson, "");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(httpStatus, "httpStatus");
        error = Objects.requireNonNullElse(error, "");
    }
}
