package dev.sift.ui.agents;

/** Where an endpoint's API key comes from. The project stores only a reference, never the key. */
public enum KeySource {
    NONE("No key"),
    ENVIRONMENT("Environment variable"),
    CREDENTIALS("Store key in my credentials file");

    private final String label;

    KeySource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
