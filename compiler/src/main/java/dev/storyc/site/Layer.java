package dev.storyc.site;

import dev.storyc.workspace.ArtifactKind;

/** The four layers of a story, as its page groups its files. */
public enum Layer {
    WAREHOUSE("Warehouse schema"),
    ETL("ETL"),
    LOOKML("LookML views and explores"),
    DASHBOARDS("Dashboards");

    private final String title;

    Layer(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Returns the layer a story file belongs to. */
    public static Layer of(ArtifactKind kind) {
        return switch (kind) {
            case SCHEMA_DEPLOY, SCHEMA_REVERT, SCHEMA_VERIFY -> WAREHOUSE;
            case ETL_JOB, ETL_SQL, TEST_SQL -> ETL; // data tests prove what the ETL loaded
            case VIEW, EXPLORE -> LOOKML;
            case DASHBOARD -> DASHBOARDS;
        };
    }
}
