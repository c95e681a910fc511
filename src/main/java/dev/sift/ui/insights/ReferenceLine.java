package dev.sift.ui.insights;

/**
 * A horizontal line drawn across the IFD scatter at {@code value}.
 *
 * @param value where the line crosses the IFD axis
 * @param label what the line means, shown beside it
 * @param threshold true for the IFD &lt; 1 rule's threshold, false for the selection's cut-off
 */
public record ReferenceLine(double value, String label, boolean threshold) {}
