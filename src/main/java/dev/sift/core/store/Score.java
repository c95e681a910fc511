package dev.sift.core.store;

import java.time.Instant;

/**
 * A saved score, without its per-token losses (read those with {@link ScoreStore#losses}).
 *
 * @param sampleId the sample of the scored candidate
 * @param value the score, NaN when the row holds NULL
 * @param maxLength the scoring window, 0 when unknown
 * @param detailsJson the details object, or empty
 */
public record Score(
        long id, long candidateId, long sampleId, String metric, double value, String scorer, String template,
        int maxLength, String detailsJson, Instant createdAt) {}
