package dev.sift.core.llm.openai;

/**
 * One server-sent event. {@code name} is "message" unless the server named it; llama.cpp's bare
 * {@code error:} line arrives as an event named "error".
 */
record SseEvent(String name, String data) {

    static final String DONE = "[DONE]";

    boolean isError() {
        return "error".equals(name);
    }

    boolean isDone() {
        return DONE.equals(data.trim());
    }
}
