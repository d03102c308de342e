package dev.storyc.cli;

import dev.storyc.workspace.StoryId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files `storyc init` and `storyc story new` write. They are small but complete: a new story
 * compiles and passes every check at once, so a user starts from green and changes one thing at a
 * time.
 */
final class Scaffold {
    private Scaffold() {}

    /** Returns a new story's files, by workspace-relative path. */
    static Map<String, String> story(StoryId id, String title, String owner, List<StoryId> requires) {
        String table = id.value().replace('-', '_');
        String folder = "stories/" + id + "/";
        Map<String, String> files = new LinkedHashMap<>();
        files.put(folder + "story.toml", """
                title = %s
                owner = %s
                description = \"""
                What this story adds, and for whom.\"""
                requires = [%s]
                """.formatted(quote(title), quote(owner),
                String.join(", ", requires.stream().map(r -> quote(r.value())).toList())));
        files.put(folder + "schema/deploy.sql", """
                -- The story's first schema change, `%2$s/base`; revert.sql undoes it exactly.
                -- Once it is deployed, leave it alone: change the schema by adding a change,
                -- schema/changes/01-add-column/deploy.sql and revert.sql (docs/warehouse.md).
                CREATE TABLE <%% env.warehouse.schema %%>.%1$s (
                    id VARCHAR(32) NOT NULL PRIMARY KEY,
                    <%%> sql/audit_columns %%>
                );
                """.formatted(table, id));
        files.put(folder + "schema/revert.sql", """
                DROP TABLE IF EXISTS <%% env.warehouse.schema %%>.%1$s;
                """.formatted(table));
        files.put(folder + "schema/verify.sql", """
                SELECT id, loaded_at, etl_job FROM <%% env.warehouse.schema %%>.%1$s WHERE 1 = 0;
                """.formatted(table));
        files.put(folder + "etl/load_" + table + ".job.toml", """
                target = "<%% env.warehouse.schema %%>.%1$s"
                schedule = "0 3 * * *"
                sql = "load_%1$s.sql"
                source = "source.%1$s"
                mode = "replace"
                description = "Nightly load of %1$s."
                """.formatted(table));
        files.put(folder + "etl/load_" + table + ".sql", """
                DELETE FROM <%% env.warehouse.schema %%>.%1$s;
                INSERT INTO <%% env.warehouse.schema %%>.%1$s (id, loaded_at, etl_job)
                SELECT id, <%% sql.now %%>, 'load_%1$s'
                FROM <%% env.variables.raw_schema %%>.%1$s;
                """.formatted(table));
        files.put(folder + "views/" + table + ".view.lkml", """
                view: %1$s {
                  sql_table_name: <%% env.warehouse.schema %%>.%1$s ;;

                  dimension: id {
                    primary_key: yes
                    type: string
                    sql: ${TABLE}.id ;;
                  }

                  <%%> lkml/audit_timestamps %%>

                  measure: count {
                    type: count
                  }
                }
                """.formatted(table));
        files.put(folder + "explores/" + table + ".explore.lkml", """
                explore: %1$s {
                  label: %2$s
                }
                """.formatted(table, quote(title)));
        return files;
    }

    /** Returns a new workspace's files: environments for production and developers, and a first release. */
    static Map<String, String> workspace(String project, String developer, String release) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("environments.toml", """
                # Environments: each is one Looker project, one warehouse database and one output
                # repository. See docs/environments.md in storyc for the language.

                [types.variables.raw_schema]
                type = "string"
                pattern = "^[a-z_][a-z0-9_]*$"
                doc = "The schema where source data lands before the ETL jobs load it."

                [types.variables.external_tables]
                type = "list<string>"
                doc = "Tables no story creates, which SQL may read; `schema.*` is a whole schema."

                [bases.warehouse]
                project_name = %1$s
                model = "warehouse"
                connection = "looker_${warehouse.database}"
                warehouse.engine = "redshift"
                warehouse.port = 5439
                warehouse.schema = "analytics"
                warehouse.user = "looker"
                warehouse.password = "${env:STORYC_WAREHOUSE_PASSWORD}"
                variables.raw_schema = "raw"
                variables.external_tables = ["${variables.raw_schema}.*"]

                [environments.production]
                extends = ["warehouse"]
                kind = "production"
                protected = true
                release = %2$s
                warehouse.host = "warehouse.example.internal"
                warehouse.database = "analytics_prod"

                [templates.developer]
                params = {}
                extends = ["warehouse"]
                kind = "development"
                release = "all"
                warehouse.host = "warehouse-dev.example.internal"
                warehouse.database = "dev_${params.name}"

                [developers]
                %3$s = {}
                """.formatted(quote(project), quote(release), developer));
        files.put("storyc.toml", """
                # Workspace settings; ~/.config/storyc/config.toml and STORYC_* variables override them.
                developer = %s
                """.formatted(quote(developer)));
        files.put("releases/" + release + ".toml", """
                # Release %s: add stories with `storyc release add %s ID`, then seal it.
                stories = [
                ]
                """.formatted(release, release));
        files.put(".gitignore", "out/\n");
        return files;
    }

    private static String quote(String text) {
        return dev.storyc.toml.TomlText.string(text);
    }
}
