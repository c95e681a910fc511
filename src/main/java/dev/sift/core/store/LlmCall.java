package dev.sift.core.store;

import java.time.Instant;
import java.util.OptionalInt;

/** One logged LLM call, as stored; see {@link NewLlmCall} for the fields. */
public record LlmCall(
        long id, String requestHash, long runId, long endpointId, String model, String requestJson,
        String responseJson, LlmCallStatus status, OptionalInt httpStatus, long latencyMillis, long tokensIn,
        long tokensOut, double costUsd, String error, Instant createdAt) {}
