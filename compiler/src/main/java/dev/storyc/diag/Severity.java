package dev.storyc.diag;

/** How bad a diagnostic is; only errors fail a command. */
public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    NOTE("note");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** Returns the lower-case word printed before the code, as rustc does. */
    public String label() {
        return label;
    }
}
