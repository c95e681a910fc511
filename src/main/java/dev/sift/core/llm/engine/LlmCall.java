package dev.sift.core.llm.engine;

import dev.sift.core.llm.LlmException;

/** One call to a wrapped client, as the decorators of this package pass it around. */
@FunctionalInterface
interface LlmCall<T> {
    T call() throws LlmException;
}
