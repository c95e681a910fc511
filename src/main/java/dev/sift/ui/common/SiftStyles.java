package dev.sift.ui.common;

/** Style-class names defined in {@code sift.css}; use these constants, never string literals. */
public final class SiftStyles {

    private SiftStyles() {}

    /** The stylesheet, relative to the classpath root. */
    public static final String STYLESHEET = "/dev/sift/ui/sift.css";

    public static final String ROOT = "sift-root";
    public static final String NAV = "sift-nav";
    public static final String NAV_BUTTON = "sift-nav-button";
    public static final String STATUS_BAR = "sift-status-bar";
    public static final String STATUS_JOB = "sift-status-job";
    public static final String STATUS_MESSAGE = "sift-status-message";
    public static final String PLACEHOLDER = "sift-placeholder";
    public static final String SECTION_TITLE = "sift-section-title";
    public static final String MUTED = "sift-muted";
    public static final String CARD = "sift-card";
    public static final String STAT_VALUE = "sift-stat-value";
    public static final String STAT_LABEL = "sift-stat-label";
    public static final String DROP_TARGET = "sift-drop-target";
    public static final String DETAIL_TEXT = "sift-detail-text";
    public static final String TURN_ROLE = "sift-turn-role";
    public static final String DATASETS = "sift-datasets";
    public static final String IMPORT_OPTIONS = "sift-import-options";
    public static final String TOOLBAR = "sift-toolbar";
    public static final String AGENTS = "sift-agents";
    public static final String FORM = "sift-form";
    public static final String FORM_ERROR = "sift-form-error";
    public static final String INSIGHTS = "sift-insights";
    /** A histogram bar whose samples a threshold rule drops. */
    public static final String BAR_DROPPED = "sift-bar-dropped";
}
