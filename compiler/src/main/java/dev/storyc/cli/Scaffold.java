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
                """.formatted(table, templateText(quote(title))));
        return files;
    }

    /**
     * Returns a new workspace's files. Production and acceptance start on {@code baseline}, an
     * empty release: it needs no seal, so both are green before anything is released, and the
     * first week's release ({@code release}) can fill up, be sealed and be promoted without ever
     * pointing a protected environment at a release still being built.
     *
     * @param version the running storyc's version, which the workspace then requires at least
     */
    static Map<String, String> workspace(String project, String developer, String baseline, String release,
            String version) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("environments.toml", """
                # Environments: each is one Looker project, one warehouse database and one output
                # repository (out/<name>/). Stories never name a connection or a database: they use
                # <%% env.* %%> and storyc fills in these values. See docs/environments.md in storyc.

                [types.variables.raw_schema]
                type = "string"
                pattern = "^[a-z_][a-z0-9_]*$"
                doc = "The schema where source data lands before the ETL jobs load it."

                [types.variables.external_tables]
                type = "list<string>"
                doc = "Tables no story creates, which SQL may read; `schema.*` is a whole schema."

                # Bases hold shared settings. They are never compiled; environments `extends` them.
                [bases.warehouse]
                project_name = %1$s
                model = "warehouse"
                connection = "looker_${warehouse.database}"
                warehouse.engine = "redshift"
                warehouse.port = 5439
                warehouse.schema = "analytics"
                warehouse.user = "looker"
                variables.raw_schema = "raw"
                variables.external_tables = ["${variables.raw_schema}.*"]

                # Every environment but production lives on the test cluster.
                [bases.test-cluster]
                extends = ["warehouse"]
                warehouse.host = "warehouse-test.example.internal"
                warehouse.password = "${env:STORYC_TEST_WAREHOUSE_PASSWORD}"

                # Production takes only sealed releases (or an empty one). Move it on with
                # `storyc release promote RELEASE --to production` once acceptance passed.
                [environments.production]
                extends = ["warehouse"]
                kind = "production"
                protected = true
                release = %2$s
                warehouse.host = "warehouse.example.internal"
                warehouse.database = "analytics_prod"
                warehouse.password = "${env:STORYC_WAREHOUSE_PASSWORD}"

                # Acceptance tests the week's release once it is sealed and promoted here.
                [environments.acceptance]
                extends = ["test-cluster"]
                kind = "acceptance"
                release = %2$s
                warehouse.database = "analytics_acc"

                # Integration runs every story on main.
                [environments.integration]
                extends = ["test-cluster"]
                kind = "integration"
                release = "all"
                warehouse.database = "analytics_int"

                # Every developer gets an environment dev-<name> with a database of their own.
                [templates.developer]
                params = {}
                extends = ["test-cluster"]
                kind = "development"
                release = "all"
                warehouse.database = "dev_${params.name}"

                [developers]
                %3$s = {}
                """.formatted(quote(project), quote(baseline), developer));
        files.put("storyc.toml", """
                # Workspace settings; ~/.config/storyc/config.toml and STORYC_* variables override them.
                developer = %s

                # The storyc versions this workspace is known to work with; others stop with an error.
                required_version = %s
                """.formatted(quote(developer), quote(supportedRange(core(version)))));
        files.put("releases/" + baseline + ".toml", """
                # Release %1$s: what production and acceptance run before the first release.
                # Empty on purpose: an empty release ships nothing, so it needs no seal.
                stories = [
                ]
                """.formatted(baseline));
        files.put("releases/" + release + ".toml", """
                # Release %1$s: add stories with `storyc release add %1$s ID`, commit, then
                # `storyc release seal %1$s` and `storyc release promote %1$s --to acceptance`.
                stories = [
                ]
                """.formatted(release));
        files.put(".gitignore", "out/\n.storyc/\nsite/\n");
        // The archive is named after the whole version (storyc-0.1.0-SNAPSHOT.tar.gz); only the
        // version range in storyc.toml takes its numeric core.
        files.put(".github/workflows/storyc.yml", ciWorkflow(version));
        return files;
    }

    /**
     * Returns a GitHub Actions workflow that installs the pinned storyc release archive and runs
     * {@code storyc ci}: checks on pull requests, compile and push on main.
     */
    private static String ciWorkflow(String version) {
        return """
                # storyc in CI: pull requests check and compile; main also pushes the output repositories.
                # Set the repository variable STORYC_DIST_URL to where your team keeps the storyc archives
                # (storyc-<version>.tar.gz, as built by storyc's `mvn package`), and the secret
                # STORYC_OUTPUT_TOKEN to a token that may push to the output repositories.
                name: storyc
                on:
                  push:
                    branches: [main]
                  pull_request:

                concurrency:
                  group: storyc-${{ github.ref }}
                  cancel-in-progress: false

                env:
                  STORYC_VERSION: "%s"   # keep in step with required_version in storyc.toml

                jobs:
                  storyc:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                        with:
                          fetch-depth: 0          # sealed releases read pinned story trees from history
                      - uses: actions/setup-java@v4
                        with:
                          distribution: temurin
                          java-version: "17"
                      - name: Install storyc ${{ env.STORYC_VERSION }}
                        run: |
                          curl -fsSL "${{ vars.STORYC_DIST_URL }}/storyc-$STORYC_VERSION.tar.gz" \\
                            | tar -xz -C "$RUNNER_TEMP"
                          echo "$RUNNER_TEMP/storyc-$STORYC_VERSION/bin" >> "$GITHUB_PATH"
                      - run: storyc version --check
                      - name: Check and compile (pull requests)
                        if: github.event_name == 'pull_request'
                        run: storyc ci --jobs 2 --no-push
                      - name: Check, compile and push (main)
                        if: github.event_name == 'push'
                        env:
                          STORYC_GIT_TOKEN: ${{ secrets.STORYC_OUTPUT_TOKEN }}
                        run: storyc ci --jobs 2
                """.formatted(version);
    }

    /** Returns a version without its qualifier: {@code 0.1.0} for {@code 0.1.0-SNAPSHOT}. */
    /**
     * The range a new workspace declares: this version up to the next one that may break it, the
     * next minor before 1.0 and the next major after, as semantic versioning reads them. Without
     * the upper bound, `storyc version --check` in the generated CI job would accept a storyc the
     * workspace was never written for.
     */
    static String supportedRange(String core) {
        String[] parts = core.split("\\.");
        int major = Integer.parseInt(parts[0]);
        int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        String next = major == 0 ? "0." + (minor + 1) + ".0" : (major + 1) + ".0.0";
        return ">=" + core + ", <" + next;
    }

    private static String core(String version) {
        int dash = version.indexOf('-');
        return dash < 0 ? version : version.substring(0, dash);
    }

    /**
     * Returns {@code text} for a template, where it must render as itself. The template language
     * has no escape for its opening tag, so each {@code <%} is split by an empty comment,
     * {@code <<%! %>%}, which renders back to {@code <%}; nothing else in text is special.
     */
    static String templateText(String text) {
        return text.replace("<%", "<<%! %>%");
    }

    private static String quote(String text) {
        return dev.storyc.toml.TomlText.string(text);
    }
}
