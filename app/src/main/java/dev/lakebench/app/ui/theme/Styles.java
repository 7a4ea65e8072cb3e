package dev.lakebench.app.ui.theme;

/** Style-class names used by the views and defined in base.css. */
public final class Styles {

    public static final String MUTED = "muted";
    public static final String TITLE = "title";
    public static final String SUBTITLE = "subtitle";
    public static final String DANGER = "danger";
    public static final String SUCCESS = "success";
    public static final String WARNING = "warning";
    public static final String ACCENT = "accent";
    public static final String MONO = "mono";
    public static final String TOOLBAR = "lb-toolbar";
    public static final String STATUS_BAR = "status-bar";
    public static final String CARD = "card";
    public static final String ERROR_BANNER = "error-banner";
    public static final String SQL_EDITOR = "sql-editor";
    public static final String THUMB_CELL = "thumb-cell";
    public static final String PLACEHOLDER = "placeholder";
    public static final String FLAT = "flat";
    public static final String STEP = "wizard-step";
    public static final String STEP_CURRENT = "wizard-step-current";

    private Styles() {}
}
