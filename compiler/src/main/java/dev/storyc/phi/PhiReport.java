package dev.storyc.phi;

import dev.storyc.check.SchemaTables;
import dev.storyc.config.Environment;
import dev.storyc.diag.Position;
import dev.storyc.lookml.Lookml;
import dev.storyc.lookml.model.Dashboard;
import dev.storyc.lookml.model.DashboardElement;
import dev.storyc.lookml.model.DashboardFilter;
import dev.storyc.lookml.model.Located;
import dev.storyc.render.RenderedFile;
import dev.storyc.render.RenderedStory;
import dev.storyc.render.TemplateRenderer;
import dev.storyc.workspace.ArtifactKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The audit a HIPAA reviewer asks for: every protected column, its class and where it is
 * classified; how each environment treats it; and every field (a derived table's too), dashboard
 * and ETL job that reads it, in the environments that compile them. Built from each
 * environment's rendered stories, so that it describes what each environment's output holds.
 */
public final class PhiReport {
    /** Something that reads a protected column: a LookML field, a dashboard, an ETL script. */
    public record Reader(String kind, String name, Position at, List<String> environments) {}

    /**
     * One protected column, its treatment in each environment that compiles it, and its readers.
     */
    public record Row(ProtectedColumn column, Map<String, String> treatments,
            List<Reader> readers) {}

    private static final Map<String, Integer> KIND_ORDER = Map.of("field", 0, "dashboard", 1,
            "job", 2);

    private final List<Row> rows;
    private final List<String> environments;

    private PhiReport(List<Row> rows, List<String> environments) {
        this.rows = rows;
        this.environments = environments;
    }

    public List<Row> rows() {
        return rows;
    }

    /** Returns the environments the report covers, sorted. */
    public List<String> environments() {
        return environments;
    }

    /** Gathers the report environment by environment. */
    public static final class Builder {
        private record Key(String kind, String name, Position at) {}

        private final Map<String, ProtectedColumn> columns = new TreeMap<>();
        private final Map<String, Map<String, String>> treatments = new TreeMap<>();
        private final Map<String, Map<Key, Set<String>>> readers = new TreeMap<>();
        private final Map<String, PhiPolicy> policies = new TreeMap<>();
        private final Map<String, Set<String>> storiesOf = new TreeMap<>();

        /**
         * Adds one environment's view. An environment whose policy or classification has errors is
         * left out: compiling it reports them.
         */
        public Builder add(Environment environment, List<RenderedStory> rendered,
                TemplateRenderer renderer) {
            Optional<PhiStage> stage = PhiStage.prepare(environment, rendered, SqlProtection.NONE)
                    .value();
            if (stage.isEmpty()) {
                return this;
            }
            String name = environment.name();
            policies.put(name, stage.get().policy());
            storiesOf.put(name, new TreeSet<>(rendered.stream().map(s -> s.story().id().value())
                    .toList()));
            Classification classification = stage.get().classification();
            classification.all().forEach(c -> columns.putIfAbsent(c.qualifiedName(), c));
            if (classification.isEmpty()) {
                return this;
            }
            TemplateLines lines = new TemplateLines(environment, rendered, renderer);
            Map<String, SqlColumns.LookmlView> views = SqlPhiProtection.views(rendered);
            SqlColumns tables = new SqlCatalog(SchemaTables.of(rendered),
                    view -> Optional.ofNullable(views.get(view)));
            LookmlAnalysis analysis = LookmlAnalysis.of(PhiStage.lookml(rendered), classification,
                    stage.get().policy(), tables);
            for (LookmlAnalysis.ProtectedField field : analysis.protectedFields()) {
                for (ProtectedColumn column : field.reads()) {
                    reader(column, "field", field.key().qualified(), lines.at(field.at(), null),
                            name);
                }
            }
            for (RenderedStory story : rendered) {
                for (RenderedFile file : story.files()) {
                    if (file.file().kind() == ArtifactKind.DASHBOARD) {
                        dashboards(file, analysis, lines, name);
                    } else if (file.file().kind() == ArtifactKind.ETL_SQL) {
                        job(file, classification, tables, name);
                    }
                }
            }
            return this;
        }

        private void dashboards(RenderedFile file, LookmlAnalysis analysis, TemplateLines lines,
                String env) {
            String path = file.file().source().path();
            for (Dashboard dashboard : Lookml.parseDashboard(path, file.text()).dashboards()) {
                for (DashboardFilter filter : dashboard.filters()) {
                    String name = dashboard.name() + " filter " + filter.name();
                    filter.field().ifPresent(field -> uses(name, field, analysis, lines, env));
                }
                for (DashboardElement element : dashboard.elements()) {
                    String name = dashboard.name() + "." + element.name().orElse("?");
                    List<Located> fields = new ArrayList<>(element.fields());
                    fields.addAll(element.sortFields());
                    element.filters().forEach(binding -> fields.add(binding.key()));
                    fields.forEach(field -> uses(name, field, analysis, lines, env));
                }
            }
        }

        private void uses(String name, Located field, LookmlAnalysis analysis, TemplateLines lines,
                String env) {
            int dot = field.value().indexOf('.');
            if (dot < 0) {
                return;
            }
            analysis.readsOf(field.value().substring(0, dot), field.value().substring(dot + 1))
                    .ifPresent(columns -> columns.forEach(column -> reader(column, "dashboard",
                            name,
                            lines.at(field.position(), field.value()), env)));
        }

        /**
         * Counts an ETL script as reading a column when it names the table and the column, or
         * stores a value computed from the column under other names (a column-alias list, a
         * star), as the SQL half follows it.
         */
        private void job(RenderedFile file, Classification classification, SqlColumns tables,
                String env) {
            String text = file.text().toLowerCase(Locale.ROOT);
            Set<ProtectedColumn> stored = SqlStoredReads.ofScript(file.text(), tables,
                    classification);
            for (ProtectedColumn column : classification.all()) {
                if (stored.contains(column) || word(column.table()).matcher(text).find()
                        && word(column.column()).matcher(text).find()) {
                    reader(column, "job", story(file) + "/" + file.file().fileName(),
                            Position.ofFile(file.file().source().path()), env);
                }
            }
        }

        private static String story(RenderedFile file) {
            String path = file.file().source().path();
            return path.substring("stories/".length(), path.indexOf('/', "stories/".length()));
        }

        private static Pattern word(String name) {
            return Pattern.compile("(?<![a-z0-9_])" + Pattern.quote(name) + "(?![a-z0-9_])");
        }

        private void reader(ProtectedColumn column, String kind, String name, Position at,
                String env) {
            readers.computeIfAbsent(column.qualifiedName(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(new Key(kind, name, at), k -> new TreeSet<>()).add(env);
        }

        public PhiReport build() {
            List<Row> rows = new ArrayList<>();
            columns.forEach((name, column) -> {
                Map<String, String> byEnvironment = new TreeMap<>();
                policies.forEach((env, policy) -> {
                    if (storiesOf.get(env).contains(column.story())) {
                        byEnvironment.put(env, policy.treatmentOf(column.phiClass()).spelling());
                    }
                });
                List<Reader> found = new ArrayList<>();
                readers.getOrDefault(name, Map.of()).forEach((key, envs) -> found.add(
                        new Reader(key.kind(), key.name(), key.at(), List.copyOf(envs))));
                found.sort(Comparator.comparing((Reader r) -> KIND_ORDER.get(r.kind()))
                        .thenComparing(Reader::name).thenComparing(Reader::at));
                rows.add(new Row(column, byEnvironment, List.copyOf(found)));
            });
            return new PhiReport(List.copyOf(rows), List.copyOf(policies.keySet()));
        }
    }
}
