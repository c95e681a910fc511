package dev.sift.core.store;

import java.time.Instant;

/**
 * What one transformation agent of a skill made of one seed chunk in an AgentInstruct run.
 *
 * @param seedChunkId 0 when its seed collection has been deleted since
 * @param transformation the skill's name for the transformation ({@code debate}, {@code argument-passage}, ...)
 * @param agentId the project agent that wrote it; 0 when none or deleted since
 */
public record InstructContent(
        long id,
        long runId,
        long seedChunkId,
        String skill,
        String transformation,
        long agentId,
        String text,
        Instant createdAt) {}
