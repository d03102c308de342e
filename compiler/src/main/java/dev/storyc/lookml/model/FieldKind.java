package dev.storyc.lookml.model;

/** The kinds of field a view declares, named by their LookML keys. */
public enum FieldKind {
    DIMENSION("dimension"),
    DIMENSION_GROUP("dimension_group"),
    MEASURE("measure"),
    FILTER("filter"),
    PARAMETER("parameter");

    private final String key;

    FieldKind(String key) {
        this.key = key;
    }

    /** Returns the LookML key, such as {@code dimension_group}. */
    public String key() {
        return key;
    }

    /** Returns the kind a LookML key declares, or null for other keys. */
    public static FieldKind ofKey(String key) {
        for (FieldKind kind : values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
        }
        return null;
    }
}
