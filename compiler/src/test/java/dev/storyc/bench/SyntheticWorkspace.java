package dev.storyc.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a synthetic workspace: N stories with every kind of file (a view, an explore joining the
 * views of the stories it requires, a dashboard, deploy/revert/verify scripts, an ETL job), across
 * M environments (production on a release, the rest on every story). Stories require their parent
 * in a ten-way tree, so requires stay shallow and joins cross stories as in a real warehouse.
 * The result passes every check; benchmarks and scaling tests run storyc on it.
 *
 * <p>Usage: {@code SyntheticWorkspace DIR STORIES ENVIRONMENTS [ELEMENTS]}, where ELEMENTS is the
 * number of elements of each dashboard (default 4), to time checks of very large dashboards. With
 * {@code -Dsynthetic.phi=N} every N-th story's table also has an {@code mrn} column, which its view
 * shows and its {@code schema/phi.toml} classifies as an identifier (docs/phi.md), and which every
 * environment but production pseudonymizes: PHI=1 is the phi stage's worst case.
 */
public final class SyntheticWorkspace {
    private final Path root;
    private final int stories;
    private final int environments;
    private final int elements;
    private int phiEvery;

    public SyntheticWorkspace(Path root, int stories, int environments) {
        this(root, stories, environments, 4);
    }

    public SyntheticWorkspace(Path root, int stories, int environments, int elements) {
        if (stories < 1 || environments < 2) {
            throw new IllegalArgumentException("need at least 1 story and 2 environments");
        }
        this.root = root;
        this.stories = stories;
        this.environments = environments;
        this.elements = Math.max(1, elements);
    }

    public static void main(String[] args) {
        if (args.length != 3 && args.length != 4) {
            System.err.println("usage: SyntheticWorkspace DIR STORIES ENVIRONMENTS [ELEMENTS]");
            System.exit(2);
        }
        new SyntheticWorkspace(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                args.length == 4 ? Integer.parseInt(args[3]) : 4)
                .withPhi(Integer.getInteger("synthetic.phi", 0)).write();
    }

    /** Returns this workspace with every {@code every}-th story's table classified; 0 for none. */
    public SyntheticWorkspace withPhi(int every) {
        this.phiEvery = every;
        return this;
    }

    /** Writes the workspace; returns its root. */
    public Path write() {
        write("environments.toml", environments());
        StringBuilder release = new StringBuilder("# The release production runs: the older 80% of the stories.\nstories = [\n");
        int released = Math.max(1, stories * 4 / 5);
        for (int i = 0; i < released; i++) {
            release.append("  \"").append(id(i)).append("\",\n");
        }
        write("releases/r1.toml", release.append("]\n").toString());
        for (int i = 0; i < stories; i++) {
            story(i);
        }
        return root;
    }

    static String id(int i) {
        return String.format("s%05d", i);
    }

    static String table(int i) {
        return String.format("t%05d", i);
    }

    /** Returns the stories story {@code i} requires: its parent and grandparent in a ten-way tree. */
    static List<Integer> requires(int i) {
        List<Integer> requires = new ArrayList<>();
        if (i > 0) {
            requires.add(i / 10);
        }
        if (i >= 100) {
            requires.add(i / 100);
        }
        return requires.stream().distinct().toList();
    }

    private String environments() {
        StringBuilder out = new StringBuilder("""
                # A synthetic workspace for benchmarks; every environment has a database of its own.
                [bases.redshift]
                project_name = "synthetic"
                model = "warehouse"
                connection = "looker_${warehouse.database}"

                [bases.redshift.warehouse]
                engine = "redshift"
                port = 5439
                schema = "analytics"
                user = "looker"
                host = "warehouse-test.synthetic.internal"
                password = "${env:SYNTHETIC_WAREHOUSE_PASSWORD}"

                [bases.redshift.variables]
                raw_schema = "raw"
                external_tables = ["raw.*"]

                [environments.production]
                extends = ["redshift"]
                kind = "production"
                # Not protected: a generated workspace has no git history to seal a release in.
                protected = false
                release = "r1"
                warehouse.host = "warehouse-prod.synthetic.internal"
                warehouse.database = "synthetic_prod"
                """);
        if (phiEvery > 0) {
            out.append("""

                    [bases.redshift.phi]
                    identifier = "pseudonymize"
                    secret = "${env:SYNTHETIC_PHI_KEY:-synthetic-bench-key}"
                    """);
        }
        String[] kinds = {"acceptance", "integration", "development"};
        for (int e = 1; e < environments; e++) {
            String kind = kinds[Math.min(e - 1, kinds.length - 1)];
            out.append("\n[environments.").append(kind).append("-").append(e).append("]\n")
                    .append("extends = [\"redshift\"]\n")
                    .append("kind = \"").append(kind).append("\"\n")
                    .append("release = \"all\"\n")
                    .append("warehouse.database = \"synthetic_").append(kind.substring(0, 3)).append(e).append("\"\n");
        }
        return out.toString();
    }

    private void story(int i) {
        String id = id(i);
        String base = "stories/" + id + "/";
        List<Integer> requires = requires(i);
        StringBuilder manifest = new StringBuilder()
                .append("title = \"Synthetic story ").append(i).append("\"\n")
                .append("owner = \"team-").append(i % 7).append("\"\n")
                .append("ticket = \"SYN-").append(1000 + i).append("\"\n")
                .append("requires = [");
        for (int r = 0; r < requires.size(); r++) {
            manifest.append(r > 0 ? ", " : "").append('"').append(id(requires.get(r))).append('"');
        }
        write(base + "story.toml", manifest.append("]\n").toString());
        boolean classified = phiEvery > 0 && i % phiEvery == 0;
        write(base + "views/" + id + ".view.lkml", view(i, classified));
        write(base + "explores/" + id + ".explore.lkml", explore(i, requires));
        write(base + "dashboards/" + id + ".dashboard.lookml", dashboard(i, requires, elements));
        write(base + "schema/deploy.sql", deploy(i, classified));
        write(base + "schema/revert.sql", "DROP VIEW IF EXISTS <% env.warehouse.schema %>." + table(i) + "_daily;\n"
                + "DROP TABLE IF EXISTS <% env.warehouse.schema %>." + table(i) + ";\n");
        if (classified) {
            write(base + "schema/phi.toml", "[tables." + table(i) + "]\nmrn = \"identifier\"\n");
        }
        write(base + "schema/verify.sql", "SELECT 1 FROM <% env.warehouse.schema %>." + table(i) + " LIMIT 1;\n");
        write(base + "etl/load_" + id + ".job.toml", "target = \"<% env.warehouse.schema %>." + table(i) + "\"\n"
                + "schedule = \"" + (i % 60) + " " + (i % 24) + " * * *\"\n"
                + "sql = \"load_" + id + ".sql\"\n"
                + "source = \"raw.feed_" + i + "\"\n"
                + "mode = \"" + (i % 2 == 0 ? "merge\"\nkey = \"id" : "append") + "\"\n");
        write(base + "etl/load_" + id + ".sql", "-- Loads the last day of feed " + i + ".\n"
                + "INSERT INTO <% env.warehouse.schema %>." + table(i) + " (id, parent_id, name, amount, created_at, loaded_at)\n"
                + "SELECT id, parent_id, name, amount, created_at, CURRENT_TIMESTAMP\n"
                + "FROM <% env.variables.raw_schema %>.feed_" + i + "\n"
                + "WHERE created_at >= CURRENT_DATE - 1;\n");
    }

    private static String view(int i, boolean classified) {
        String id = id(i);
        StringBuilder out = new StringBuilder()
                .append("# Rows of feed ").append(i).append(", one per id.\n")
                .append("view: ").append(id).append(" {\n")
                .append("  sql_table_name: <% env.warehouse.schema %>.").append(table(i)).append(" ;;\n\n")
                .append("  dimension: id {\n    primary_key: yes\n    type: number\n    sql: ${TABLE}.id ;;\n  }\n\n")
                .append("  dimension: parent_id {\n    hidden: yes\n    type: number\n    sql: ${TABLE}.parent_id ;;\n  }\n\n")
                .append("  dimension: name {\n    type: string\n    sql: ${TABLE}.name ;;\n  }\n\n");
        if (classified) {
            out.append("  dimension: mrn {\n    type: string\n    sql: ${TABLE}.mrn ;;\n  }\n\n");
        }
        for (int d = 0; d < 6; d++) {
            out.append("  dimension: attribute_").append(d).append(" {\n    type: string\n")
                    .append("    sql: ${TABLE}.attribute_").append(d).append(" ;;\n  }\n\n");
        }
        out.append("  dimension_group: created {\n    type: time\n    timeframes: [raw, date, week, month, year]\n")
                .append("    sql: ${TABLE}.created_at ;;\n  }\n\n")
                .append("  <%> lkml/audit_timestamps %>\n\n")
                .append("  measure: count {\n    type: count\n  }\n\n")
                .append("  measure: total_amount {\n    type: sum\n    sql: ${TABLE}.amount ;;\n    value_format_name: usd\n  }\n")
                .append("}\n");
        return out.toString();
    }

    private static String explore(int i, List<Integer> requires) {
        StringBuilder out = new StringBuilder("explore: ").append(id(i)).append(" {\n")
                .append("  label: \"Synthetic ").append(i).append("\"\n");
        for (int r : requires) {
            out.append("\n  join: ").append(id(r)).append(" {\n    type: left_outer\n")
                    .append("    sql_on: ${").append(id(i)).append(".parent_id} = ${").append(id(r)).append(".id} ;;\n")
                    .append("    relationship: many_to_one\n  }\n");
        }
        return out.append("}\n").toString();
    }

    private static String dashboard(int i, List<Integer> requires, int count) {
        String id = id(i);
        String other = requires.isEmpty() ? id : id(requires.get(0));
        StringBuilder out = new StringBuilder("- dashboard: ").append(id).append("_overview\n")
                .append("  title: Synthetic ").append(i).append("\n  layout: newspaper\n  elements:\n");
        String[][] elements = {
            {"total", "single_value", id + ".total_amount"},
            {"by_month", "looker_line", id + ".created_month, " + id + ".count"},
            {"by_parent", "looker_bar", other + ".name, " + id + ".total_amount"},
            {"by_attribute", "looker_column", id + ".attribute_0, " + id + ".count"},
        };
        for (int k = 0; k < count; k++) {
            String[] element = elements[k % elements.length];
            String name = k < elements.length ? element[0] : element[0] + "_" + k;
            out.append("  - name: ").append(name).append("\n")
                    .append("    title: ").append(element[0].replace('_', ' ')).append("\n")
                    .append("    model: <% env.model %>\n    explore: ").append(id).append("\n")
                    .append("    type: ").append(element[1]).append("\n")
                    .append("    fields: [").append(element[2]).append("]\n")
                    .append("    sorts: [").append(element[2].split(", ")[0]).append(" desc]\n")
                    .append("    listen:\n      Created: ").append(id).append(".created_date\n");
        }
        out.append("  filters:\n  - name: Created\n    title: Created\n    type: field_filter\n")
                .append("    default_value: 30 days\n    model: <% env.model %>\n    explore: ").append(id).append("\n")
                .append("    field: ").append(id).append(".created_date\n");
        return out.toString();
    }

    private static String deploy(int i, boolean classified) {
        String table = table(i);
        StringBuilder out = new StringBuilder("-- Feed ").append(i).append(": one row per id.\n")
                .append("CREATE TABLE <% env.warehouse.schema %>.").append(table).append(" (\n")
                .append("    id         BIGINT        NOT NULL PRIMARY KEY,\n")
                .append("    parent_id  BIGINT,\n")
                .append("    name       VARCHAR(200)  NOT NULL,\n")
                .append(classified ? "    mrn        VARCHAR(20)   NOT NULL,\n" : "");
        for (int d = 0; d < 6; d++) {
            out.append("    attribute_").append(d).append(" VARCHAR(64),\n");
        }
        return out.append("    amount     NUMERIC(12,2),\n")
                .append("    created_at TIMESTAMP     NOT NULL,\n")
                .append("    <%> sql/audit_columns %>\n")
                .append(") DISTKEY(id) SORTKEY(created_at);\n\n")
                .append("CREATE OR REPLACE VIEW <% env.warehouse.schema %>.").append(table).append("_daily AS\n")
                .append("SELECT DATE_TRUNC('day', created_at) AS day, COUNT(*) AS rows, SUM(amount) AS amount\n")
                .append("FROM <% env.warehouse.schema %>.").append(table).append("\nGROUP BY 1\nWITH NO SCHEMA BINDING;\n")
                .toString();
    }

    private void write(String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
