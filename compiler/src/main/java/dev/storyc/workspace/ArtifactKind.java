package dev.storyc.workspace;

import java.util.Optional;

/**
 * The closed set of things a story file can be. The kind decides where a rendered file lands in an
 * output repository, so it is decided once, at load time, from the file's place in the story.
 */
public enum ArtifactKind {
    VIEW,
    EXPLORE,
    DASHBOARD,
    SCHEMA_DEPLOY,
    SCHEMA_REVERT,
    SCHEMA_VERIFY,
    ETL_JOB,
    ETL_SQL,
    /** A data test: a query that must return no rows (dbt's singular tests). */
    TEST_SQL;

    /**
     * Returns the kind of a file from its path inside the story folder (such as
     * {@code views/patients.view.lkml}), or empty when the story layout has no place for it.
     */
    public static Optional<ArtifactKind> of(String storyRelativePath) {
        String[] parts = storyRelativePath.split("/");
        if (parts.length == 4 && SchemaChange.of(storyRelativePath).isPresent()) {
            parts = new String[] {"schema", parts[3]};
        }
        if (parts.length != 2) {
            return Optional.empty();
        }
        String folder = parts[0];
        String name = parts[1];
        return Optional.ofNullable(switch (folder) {
            case "views" -> name.endsWith(".view.lkml") ? VIEW : null;
            case "explores" -> name.endsWith(".explore.lkml") ? EXPLORE : null;
            case "dashboards" -> name.endsWith(".dashboard.lookml") ? DASHBOARD : null;
            case "schema" -> switch (name) {
                case "deploy.sql" -> SCHEMA_DEPLOY;
                case "revert.sql" -> SCHEMA_REVERT;
                case "verify.sql" -> SCHEMA_VERIFY;
                default -> null;
            };
            case "etl" -> name.endsWith(".job.toml") ? ETL_JOB : name.endsWith(".sql") ? ETL_SQL : null;
            case "tests" -> name.endsWith(".sql") ? TEST_SQL : null;
            default -> null;
        });
    }

    /** Returns true for the warehouse scripts that go under {@code warehouse/<story>/<change>/}. */
    public boolean isSchemaScript() {
        return this == SCHEMA_DEPLOY || this == SCHEMA_REVERT || this == SCHEMA_VERIFY;
    }
}
