package dev.storyc.phi;

import dev.storyc.compile.EnvironmentCompiler;
import dev.storyc.config.Environment;
import dev.storyc.config.Environments;
import dev.storyc.config.EnvironmentResolver;
import dev.storyc.config.ProcessValues;
import dev.storyc.diag.Result;
import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.release.StorySelector;
import dev.storyc.render.StoryRenderer;
import dev.storyc.render.TemplateRenderer;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StdlibLoader;
import dev.storyc.workspace.Workspace;
import dev.storyc.workspace.WorkspaceLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small workspace with one classified table, {@code patients}, and a second table,
 * {@code visits}, compiled in process for a production and a development environment. Tests add
 * files to it and look at the diagnostics and the output.
 */
final class PhiWorkspace {
    static final Map<String, String> PROCESS = Map.of("PHI_KEY", "a-key-for-tests-only");

    static final String ENVIRONMENTS = """
            [environments.prod]
            kind = "production"
            project_name = "mini"
            connection = "mini_prod"
            release = "all"
            warehouse = { host = "db.example", database = "mini_prod", schema = "analytics", user = "looker" }

            [environments.dev]
            kind = "development"
            project_name = "mini"
            connection = "mini_dev"
            release = "all"
            shares_with_production = ["warehouse.host"]
            warehouse = { host = "db.example", database = "mini_dev", schema = "analytics", user = "me" }
            phi = { identifier = "pseudonymize", birth_date = "generalize", secret = "${env:PHI_KEY}" }
            """;

    static final Map<String, String> BASE = Map.of(
            "stories/patients/story.toml", "title = \"Patients\"\n",
            "stories/patients/schema/deploy.sql", """
                    CREATE TABLE <% env.warehouse.schema %>.patients (
                        patient_id VARCHAR(32) NOT NULL,
                        mrn VARCHAR(20) NOT NULL,
                        first_name VARCHAR(100),
                        last_name VARCHAR(100),
                        birth_date DATE NOT NULL
                    );
                    CREATE TABLE <% env.warehouse.schema %>.visits (
                        visit_id VARCHAR(32) NOT NULL,
                        patient_id VARCHAR(32) NOT NULL
                    );
                    """,
            "stories/patients/schema/revert.sql", "DROP TABLE <% env.warehouse.schema %>.visits;\n"
                    + "DROP TABLE <% env.warehouse.schema %>.patients;\n",
            "stories/patients/schema/phi.toml", """
                    [tables.patients]
                    mrn = "identifier"
                    first_name = "name"
                    last_name = "name"
                    birth_date = "birth_date"
                    """,
            "stories/patients/views/patients.view.lkml", """
                    view: patients {
                      sql_table_name: <% env.warehouse.schema %>.patients ;;
                      dimension: patient_id {
                        primary_key: yes
                        sql: ${TABLE}.patient_id ;;
                      }
                      dimension: mrn {
                        sql: ${TABLE}.mrn ;;
                      }
                      dimension: full_name {
                        sql: ${TABLE}.first_name || ' ' || ${TABLE}.last_name ;;
                      }
                      dimension_group: birth {
                        type: time
                        timeframes: [date, year]
                        datatype: date
                        sql: ${TABLE}.birth_date ;;
                      }
                      measure: count {
                        type: count
                      }
                    }
                    """,
            "stories/patients/views/visits.view.lkml", """
                    view: visits {
                      sql_table_name: <% env.warehouse.schema %>.visits ;;
                      dimension: visit_id {
                        primary_key: yes
                        sql: ${TABLE}.visit_id ;;
                      }
                      dimension: patient_id {
                        sql: ${TABLE}.patient_id ;;
                      }
                    }
                    """,
            "stories/patients/explores/patients.explore.lkml", """
                    explore: patients {}
                    """);

    private PhiWorkspace() {}

    /**
     * Writes the workspace with {@code extra} files on top into {@code root} and compiles one
     * environment.
     */
    static Result<CompiledEnvironment> compile(Path root, Map<String, String> extra,
            String environment) {
        Workspace workspace = write(root, extra);
        Environments environments = environments(workspace);
        Environment target = environments.find(environment).orElseThrow();
        return new EnvironmentCompiler(workspace, story -> "0".repeat(40), "1.0.0", environments,
                name -> Optional.ofNullable(PROCESS.get(name))).compile(target);
    }

    /**
     * Writes the workspace with {@code extra} files on top into {@code root} and returns the PHI
     * report of both environments, as {@code storyc phi report} builds it.
     */
    static PhiReport report(Path root, Map<String, String> extra) {
        Workspace workspace = write(root, extra);
        TemplateRenderer renderer = TemplateRenderer.forWorkspace(workspace);
        PhiReport.Builder report = new PhiReport.Builder();
        for (Environment environment : environments(workspace).all()) {
            List<Story> stories = StorySelector.select(environment, workspace).get().stories();
            report.add(environment, StoryRenderer.render(environment, stories, renderer).get(),
                    renderer);
        }
        return report.build();
    }

    private static Workspace write(Path root, Map<String, String> extra) {
        Map<String, String> files = new LinkedHashMap<>(BASE);
        files.put("environments.toml", ENVIRONMENTS);
        files.putAll(extra);
        try {
            for (var file : files.entrySet()) {
                Path path = root.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return WorkspaceLoader.load(root, StdlibLoader.load()).get();
    }

    private static Environments environments(Workspace workspace) {
        return EnvironmentResolver.resolve(workspace, ProcessValues.ofEnvironment(PROCESS)).get();
    }
}
