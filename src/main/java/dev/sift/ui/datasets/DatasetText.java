package dev.sift.ui.datasets;

/** Text shortening for table cells and list labels. */
final class DatasetText {

    static final int MAX_CELL_CHARS = 240;

    private DatasetText() {}

    /** The text on one line (line breaks and tabs become spaces), cut at {@link #MAX_CELL_CHARS}. */
    static String oneLine(String text) {
        String flat = text.length() > MAX_CELL_CHARS ? text.substring(0, MAX_CELL_CHARS) + "…" : text;
        return flat.replaceAll("\\s+", " ").strip();
    }
}
