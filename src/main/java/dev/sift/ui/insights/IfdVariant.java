package dev.sift.ui.insights;

/** Which IFD ratio the charts show. Both drop a sample at the same threshold of 1, since ppl = exp(loss difference). */
public enum IfdVariant {
    /** {@code s(A|Q) / s(A)}, the stored score value. */
    LOSS("IFD loss"),
    /** {@code exp(s(A|Q) - s(A))}, read from the score's details. */
    PPL("IFD ppl");

    private final String label;

    IfdVariant(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
