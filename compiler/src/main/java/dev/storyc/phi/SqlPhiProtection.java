package dev.storyc.phi;

import dev.storyc.check.SchemaTables;
import dev.storyc.check.TableName;
import dev.storyc.etl.EtlJob;
import dev.storyc.etl.EtlJobReader;
import dev.storyc.lookml.Lookml;
import dev.storyc.lookml.model.View;
import dev.storyc.render.RenderedFile;
import dev.storyc.render.RenderedStory;
import dev.storyc.workspace.ArtifactKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL half of the phi stage, for one environment's rendered stories: {@link SqlPhiRewriter}
 * behind {@link SqlProtection}. It knows what the seam's {@link SqlProtection.Source} does not:
 * the column lists of the environment's tables (to resolve unqualified columns and {@code INSERT}
 * without a column list) and the table each ETL job loads (a job in query mode loads by column
 * name, so a classified target column must be treated too). Both are read from the stories once,
 * and only when there is SQL to treat.
 */
public final class SqlPhiProtection implements SqlProtection {
    private final List<RenderedStory> stories;
    private List<SchemaTables.Table> schema;
    private Map<String, TableName> jobTargets;
    private Map<String, RenderedStory> storyOfFolder;
    private Map<String, SqlColumns.LookmlView> views;
    private SqlPhiRewriter rewriter;

    private final SqlPhiCache cache;
    private Object schemaKey;

    private SqlPhiProtection(List<RenderedStory> stories, SqlPhiCache cache) {
        this.stories = List.copyOf(stories);
        this.cache = cache;
    }

    /** Returns the protection of the SQL of these stories, as rendered for one environment. */
    public static SqlPhiProtection of(List<RenderedStory> stories) {
        return new SqlPhiProtection(stories, new SqlPhiCache());
    }

    /**
     * Returns the protection of these stories' SQL, sharing {@code cache} with the other
     * environments of a run.
     */
    public static SqlPhiProtection of(List<RenderedStory> stories, SqlPhiCache cache) {
        return new SqlPhiProtection(stories, cache);
    }

    @Override
    public String rewrite(Source source, Classification classification, PhiPolicy policy) {
        if (classification.isEmpty() || policy.allowsEverything()) {
            return source.sql();
        }
        return cache.rewrites().computeIfAbsent(key(source, classification, policy), k -> {
            SqlPhiRewriter rewriter = rewriter(classification, policy);
            return source.place() == Place.DERIVED_TABLE
                    ? rewriter.derivedTable(source.sql()).text()
                    : rewriter.script(source.sql(), k.target()).text();
        });
    }

    @Override
    public List<Use> uses(Source source, Classification classification, PhiPolicy policy) {
        if (classification.isEmpty() || policy.allowsEverything()) {
            return List.of();
        }
        return cache.uses().computeIfAbsent(key(source, classification, policy),
                k -> found(source, k.target(), rewriter(classification, policy), classification,
                        policy));
    }

    /** Returns what a rewrite or a proof of this source depends on, in this environment. */
    private SqlPhiCache.Key key(Source source, Classification classification, PhiPolicy policy) {
        return new SqlPhiCache.Key(source.place(), source.sql(), target(source),
                policy.treatments(), classification, schemaKey());
    }

    private synchronized Object schemaKey() {
        if (schemaKey == null) {
            List<String> scripts = new ArrayList<>();
            for (RenderedStory story : stories) {
                for (RenderedFile file : story.files()) {
                    if (file.file().kind() == ArtifactKind.SCHEMA_DEPLOY) {
                        scripts.add(file.text());
                    }
                }
            }
            schemaKey = cache.schema(scripts);
        }
        return schemaKey;
    }

    private List<Use> found(Source source, Optional<TableName> target, SqlPhiRewriter rewriter,
            Classification classification, PhiPolicy policy) {
        List<Use> uses = new ArrayList<>();
        for (SqlPhiFinding finding : rewriter.rawUses(source.sql(), target,
                source.place() == Place.DERIVED_TABLE)) {
            // A statement storyc cannot read may copy any protected column: name the first the
            // policy forbids, so the diagnostic still points at a classification line.
            ProtectedColumn column = finding.column().orElseGet(() -> classification.all()
                    .stream().filter(c -> !policy.treatmentOf(c.phiClass()).exposesRawValues())
                    .findFirst().orElseThrow());
            uses.add(new Use(finding.offset(), token(source.sql(), finding.offset()), column,
                    finding.code(), finding.message(), finding.hint()));
        }
        return uses;
    }

    /**
     * Returns the rewriter of this environment, made once: the stage asks for every file, and
     * the column lists of a thousand tables are worth building once, not once per file.
     */
    private synchronized SqlPhiRewriter rewriter(Classification classification,
            PhiPolicy policy) {
        if (rewriter != null && rewriter.serves(classification, policy)) {
            return rewriter;
        }
        if (classification.isEmpty() || policy.allowsEverything()) {
            return new SqlPhiRewriter(classification, policy, List.of());
        }
        if (schema == null) {
            schema = SchemaTables.of(stories);
        }
        rewriter = new SqlPhiRewriter(classification, policy, schema, this::view);
        return rewriter;
    }

    private synchronized Optional<SqlColumns.LookmlView> view(String name) {
        if (views == null) {
            views = views(stories);
        }
        return Optional.ofNullable(views.get(name));
    }

    /** Returns each view's table: its sql_table_name, or none for a derived table. */
    static Map<String, SqlColumns.LookmlView> views(List<RenderedStory> stories) {
        Map<String, SqlColumns.LookmlView> views = new HashMap<>();
        for (RenderedStory story : stories) {
            for (RenderedFile file : story.files()) {
                if (file.file().kind() != ArtifactKind.VIEW) {
                    continue;
                }
                for (View view : Lookml.model(Lookml.parse(file.file().source().path(),
                        file.text())).views()) {
                    if (view.refinement()) {
                        continue;
                    }
                    if (view.derivedTable().isPresent()) {
                        views.put(view.name(), new SqlColumns.LookmlView(Optional.empty()));
                    } else {
                        view.sqlTableName().flatMap(n -> TableName.parse(n.value()))
                                .ifPresent(t -> views.put(view.name(),
                                        new SqlColumns.LookmlView(Optional.of(t))));
                    }
                }
            }
        }
        return views;
    }

    private synchronized Optional<TableName> target(Source source) {
        if (source.place() != Place.ETL_SCRIPT) {
            return Optional.empty();
        }
        if (jobTargets == null) {
            jobTargets = new HashMap<>();
            storyOfFolder = new HashMap<>();
            for (RenderedStory story : stories) {
                for (RenderedFile file : story.files()) {
                    if (file.file().kind() == ArtifactKind.ETL_JOB) {
                        storyOfFolder.putIfAbsent(folder(file.file().source().path()), story);
                    }
                }
            }
        }
        String folder = folder(source.path());
        RenderedStory story = storyOfFolder.remove(folder);
        if (story != null) {
            // The jobs of this story only, once: reading every job of a thousand stories for
            // each environment would cost more than the SQL they load.
            jobTargets.putAll(jobTargets(List.of(story)));
        }
        return Optional.ofNullable(jobTargets.get(source.path()));
    }

    private static String folder(String path) {
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    /** Returns the table each ETL SQL file's job loads, by the SQL file's template path. */
    static Map<String, TableName> jobTargets(List<RenderedStory> stories) {
        Map<String, TableName> targets = new HashMap<>();
        for (RenderedStory story : stories) {
            for (RenderedFile file : story.files()) {
                if (file.file().kind() != ArtifactKind.ETL_JOB) {
                    continue;
                }
                Optional<EtlJob> job = EtlJobReader.read(story.story().id().value(),
                        file.file().source().path(), file.text());
                String path = file.file().source().path();
                String folder = path.substring(0, path.lastIndexOf('/') + 1);
                job.flatMap(j -> TableName.parse(j.target()).map(t -> Map.entry(j.sqlFile(), t)))
                        .ifPresent(e -> targets.put(folder + e.getKey(), e.getValue()));
            }
        }
        return targets;
    }

    /** Returns the word or reference at {@code offset}, which diagnostics use for the column. */
    private static String token(String sql, int offset) {
        int end = offset;
        while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end))
                || "_.$\"*".indexOf(sql.charAt(end)) >= 0)) {
            end++;
        }
        return sql.substring(offset, Math.max(end, Math.min(offset + 1, sql.length())));
    }
}
