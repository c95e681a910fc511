package dev.sift.core.llm.openai;

/** How messages name an endpoint: its display name and base URL, never its key. */
record EndpointRef(String displayName, String baseUrl) {

    @Override
    public String toString() {
        return displayName + " at " + baseUrl;
    }
}
