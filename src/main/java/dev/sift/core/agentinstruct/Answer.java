package dev.sift.core.agentinstruct;

/**
 * The responder's answer with exactly what it was asked: the pair stored in the dataset is (system, prompt, text).
 */
public record Answer(String system, String prompt, String text) {}
