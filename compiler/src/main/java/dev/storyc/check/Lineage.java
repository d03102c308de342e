package dev.storyc.check;

import dev.storyc.config.Environment;
import dev.storyc.lookml.model.Dashboard;
import dev.storyc.lookml.model.DashboardElement;
import dev.storyc.lookml.model.Explore;
import dev.storyc.lookml.model.Located;
import dev.storyc.lookml.model.View;
import dev.storyc.render.RenderedFile;
import dev.storyc.render.RenderedStory;
import dev.storyc.render.TemplateRenderer;
import dev.storyc.workspace.ArtifactKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lineage of one environment's stories, from raw tables to dashboard elements: raw or external
 * tables → ETL jobs → story tables → views → explores → dashboard elements → dashboards. It is read
 * with the same model the cross-layer checks use (the tables deploy.sql creates, ETL jobs' {@code
 * source} and {@code target} and the tables their SQL reads, views' {@code sql_table_name} and
 * derived-table SQL, explores' base views and joins, elements' explores), so the picture and the
 * checks never disagree.
 *
 * <p>Names that the environment does not resolve (a table no story creates, an explore nobody
 * defines) still become nodes: the checks report them, and the picture shows where they hang.
 */
public final class Lineage {
    /** What a node of the graph is, in the order the graph flows. */
    public enum Kind {
        RAW_TABLE,
        ETL_JOB,
        TABLE,
        VIEW,
        EXPLORE,
        ELEMENT,
        DASHBOARD
    }

    /**
     * One node. Ids are {@code kind:name}, unique across a workspace: tables by their folded {@code
     * schema.table}, elements by {@code dashboard/element}.
     *
     * @param story the story that defines the node; empty for raw tables and undefined names
     * @param fields for a view, the names queries can use
     */
    public record Node(
            String id,
            Kind kind,
            String name,
            Optional<String> story,
            String label,
            List<String> fields) {
        public Node {
            fields = List.copyOf(fields);
        }
    }

    /** One edge: data flows from {@code from} to {@code to}. */
    public record Edge(String from, String to) {}

    /** The graph of one environment, nodes and edges in first-seen order. */
    public record Graph(String environment, List<Node> nodes, List<Edge> edges) {
        public Graph {
            nodes = List.copyOf(nodes);
            edges = List.copyOf(edges);
        }
    }

    /**
     * Parses each distinct rendered file once across the environments this instance reads: one
     * set of lookups that never closes keeps every parse for the instance's life.
     */
    private final ParseCache.Lookups cache = new ParseCache().begin();

    /** Returns a reader of lineage that shares parsed files across the environments it reads. */
    public Lineage() {}

    /**
     * Returns the lineage of {@code stories}, rendered for {@code environment} by {@code renderer}.
     * Files that do not parse contribute what their parser recovered.
     */
    public Graph of(
            Environment environment, List<RenderedStory> stories, TemplateRenderer renderer) {
        List<CheckedFile> files = new ArrayList<>();
        for (RenderedStory story : stories) {
            for (RenderedFile file : story.files()) {
                files.add(
                        new CheckedFile(
                                story.story(), file.file(), file.text(), environment, renderer));
            }
        }
        Builder builder = new Builder(Definitions.of(files, cache));
        builder.tables();
        builder.etlJobs(files, cache);
        builder.views();
        builder.explores();
        builder.dashboards();
        return new Graph(
                environment.name(),
                List.copyOf(builder.nodes.values()),
                List.copyOf(builder.edges));
    }

    /** One environment's graph while it is being built. */
    private static final class Builder {
        private final Map<String, Node> nodes = new LinkedHashMap<>();
        private final Set<Edge> edges = new LinkedHashSet<>();
        private final Definitions defined;

        private Builder(Definitions defined) {
            this.defined = defined;
        }

        private void tables() {
            for (var table : defined.tables) {
                TableName name = table.value().name();
                node(
                        "table:" + name.key(),
                        Kind.TABLE,
                        name.key(),
                        Optional.of(table.story().value()),
                        name.key(),
                        List.of());
            }
        }

        private void etlJobs(List<CheckedFile> files, ParseCache.Lookups cache) {
            for (CheckedFile file : files) {
                if (file.file().kind() != ArtifactKind.ETL_JOB) {
                    continue;
                }
                Map<String, Object> values = cache.toml(file.path(), file.text()).values();
                String job = file.file().fileName().replace(".job.toml", "");
                String story = file.story().id().value();
                String id =
                        node(
                                "etl:" + story + "/" + job,
                                Kind.ETL_JOB,
                                job,
                                Optional.of(story),
                                job,
                                List.of());
                if (values.get("source") instanceof String source) {
                    edge(table(source), id);
                }
                Optional<TableName> written = Optional.empty();
                if (values.get("target") instanceof String target) {
                    edge(id, table(target));
                    written = TableName.parse(target);
                }
                if (values.get("sql") instanceof String sql) {
                    reads(files, file, sql, written, cache).forEach(read -> edge(table(read), id));
                }
            }
        }

        /**
         * Returns the tables a job's SQL reads, as the SQL table check finds them, leaving out the
         * table it writes (its {@code INSERT INTO} or {@code MERGE INTO}).
         */
        private static List<String> reads(
                List<CheckedFile> files,
                CheckedFile job,
                String sql,
                Optional<TableName> written,
                ParseCache.Lookups cache) {
            List<String> reads = new ArrayList<>();
            for (CheckedFile file : files) {
                if (file.story() == job.story()
                        && file.file().kind() == ArtifactKind.ETL_SQL
                        && file.file().fileName().equals(sql)) {
                    for (SqlTables.Use use : cache.sqlTables(file.path(), file.text())) {
                        if (written.filter(w -> use.name().refersTo(w)).isEmpty()) {
                            reads.add(use.name().text());
                        }
                    }
                }
            }
            return reads;
        }

        private void views() {
            for (var def : LookmlReferences.allViews(defined)) {
                View view = def.value();
                String id =
                        named(
                                "view",
                                Kind.VIEW,
                                view.name(),
                                Optional.of(def.story().value()),
                                List.copyOf(view.fieldNames()));
                view.sqlTableName()
                        .map(Located::value)
                        .flatMap(TableName::parse)
                        .ifPresent(name -> edge(table(name.text()), id));
                view.extendsViews().forEach(parent -> edge(view(parent.value()), id));
                view.derivedTable()
                        .flatMap(derived -> derived.sql())
                        .ifPresent(
                                sql ->
                                        SqlTables.uses(sql.value())
                                                .forEach(
                                                        use -> edge(table(use.name().text()), id)));
            }
        }

        private void explores() {
            for (var def : LookmlReferences.allExplores(defined)) {
                Explore explore = def.value();
                String id =
                        named(
                                "explore",
                                Kind.EXPLORE,
                                explore.name(),
                                Optional.of(def.story().value()),
                                List.of());
                boolean inherits =
                        explore.refinement()
                                || explore.extensionRequired()
                                || !explore.extendsExplores().isEmpty();
                List<String> views =
                        inherits && explore.from().isEmpty() && explore.viewName().isEmpty()
                                ? explore.joins().stream().map(j -> j.view()).toList()
                                : explore.joinedViews();
                views.forEach(view -> edge(view(view), id));
            }
        }

        private void dashboards() {
            for (var dashboards : defined.dashboards.values()) {
                for (var def : dashboards) {
                    Dashboard dashboard = def.value();
                    String story = def.story().value();
                    String board =
                            node(
                                    "dashboard:" + dashboard.name(),
                                    Kind.DASHBOARD,
                                    dashboard.name(),
                                    Optional.of(story),
                                    dashboard.title().orElse(dashboard.name()),
                                    List.of());
                    int index = 0;
                    for (DashboardElement element : dashboard.elements()) {
                        index++;
                        String name = element.name().orElse("element-" + index);
                        String id =
                                node(
                                        "element:" + dashboard.name() + "/" + name,
                                        Kind.ELEMENT,
                                        name,
                                        Optional.of(story),
                                        element.title().orElse(name),
                                        List.of());
                        element.explore().ifPresent(explore -> edge(explore(explore.value()), id));
                        edge(id, board);
                    }
                }
            }
        }

        /** Returns the id of a table reference: the story table it means, else a raw table. */
        private String table(String text) {
            Optional<TableName> name = TableName.parse(text);
            if (name.isPresent()) {
                Optional<Definitions.Def<SqlScanner.Created>> created = defined.table(name.get());
                if (created.isPresent()) {
                    return "table:" + created.get().value().name().key();
                }
            }
            String key = name.map(TableName::key).orElse(text.strip());
            return node("table:" + key, Kind.RAW_TABLE, key, Optional.empty(), key, List.of());
        }

        /** Returns the id of a view, adding a storyless node if no story defines it. */
        private String view(String name) {
            return named("view", Kind.VIEW, name, Optional.empty(), List.of());
        }

        /** Returns the id of an explore, adding a storyless node if no story defines it. */
        private String explore(String name) {
            return named("explore", Kind.EXPLORE, name, Optional.empty(), List.of());
        }

        /**
         * Adds or extends a node labelled with its own name, as views and explores are, and returns
         * its id ({@code prefix:name}). A reference with no story and no fields leaves an existing
         * node as it is, so referring and defining can share this.
         */
        private String named(
                String prefix, Kind kind, String name, Optional<String> story, List<String> fields) {
            return node(prefix + ":" + name, kind, name, story, name, fields);
        }

        /**
         * Adds a node unless one with the id exists (a refinement adds its fields), and returns the
         * id.
         */
        private String node(
                String id,
                Kind kind,
                String name,
                Optional<String> story,
                String label,
                List<String> fields) {
            Node existing = nodes.get(id);
            if (existing == null) {
                nodes.put(id, new Node(id, kind, name, story, label, fields));
            } else if (!fields.isEmpty() || existing.story().isEmpty() && story.isPresent()) {
                List<String> merged = new ArrayList<>(existing.fields());
                fields.stream().filter(f -> !merged.contains(f)).forEach(merged::add);
                nodes.put(
                        id,
                        new Node(
                                id,
                                existing.story().isPresent() ? existing.kind() : kind,
                                existing.name(),
                                existing.story().or(() -> story),
                                existing.story().isPresent() ? existing.label() : label,
                                merged));
            }
            return id;
        }

        private void edge(String from, String to) {
            edges.add(new Edge(from, to));
        }
    }
}
