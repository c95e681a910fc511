package dev.sift.core.store;

import java.time.Instant;

/**
 * One line of a run's log.
 *
 * @param kind a short lower-case tag: {@code started}, {@code resumed}, {@code item_failed},
 *     {@code stopped}, {@code cancelled}, {@code failed}, {@code succeeded}, …
 * @param dataJson structured detail as a JSON object, or empty
 */
public record RunEvent(long id, long runId, Instant at, String kind, String message, String dataJson) {}
