package dev.storyc.phi;

/** A LookML field by view and name, as {@code ${view.field}} and dashboards name it. */
record FieldKey(String view, String field) {
    /** Returns {@code view.field}. */
    String qualified() {
        return view + "." + field;
    }

    @Override
    public String toString() {
        return qualified();
    }
}
