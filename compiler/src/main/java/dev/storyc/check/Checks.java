package dev.storyc.check;

import dev.storyc.config.Environment;
import dev.storyc.config.Environments;
import dev.storyc.diag.Diagnostic;
import dev.storyc.emit.OutputFile;
import dev.storyc.emit.OutputLayout;
import dev.storyc.emit.OutputTree;
import dev.storyc.release.Selection;
import dev.storyc.render.RenderedStory;
import dev.storyc.render.TemplateRenderer;
import dev.storyc.workspace.Workspace;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The cross-layer checks: what makes a release that compiles a release that works. They run on
 * one environment's rendered stories and output tree, after rendering and before anything is
 * written, and report at the template line that produced the text they found.
 *
 * <ul>
 *   <li>LookML references: views and explores named by explores, joins, refinements, extends;</li>
 *   <li>dashboards: model, explore and every field they use;</li>
 *   <li>tables: sql_table_name and ETL targets are created by a story or declared external;</li>
 *   <li>stories: nothing defined twice, no model-level LookML, revert.sql beside deploy.sql, valid
 *       ETL jobs and cron schedules;</li>
 *   <li>isolation: no output names another environment's connection, database, schema, host or
 *       remote;</li>
 *   <li>secrets: no secret value reaches an output.</li>
 * </ul>
 *
 * <p>One instance serves every environment of a run: it parses each distinct rendered file once.
 * Parallel jobs each check with a {@link #sibling}, which renders with its own renderer (a
 * renderer serves one environment at a time) but shares everything remembered across
 * environments, so two jobs neither parse a file twice nor hold it twice.
 */
public final class Checks {
    private final Workspace workspace;
    private final TemplateRenderer renderer;
    private final List<SecretLeaks.Secret> secrets;
    private final Isolation isolation;
    private final ParseCache cache;
    private final RenderedTexts texts;
    /** What environments whose stories rendered identically had no structural problem with. */
    private final Set<Structure> clean;

    /**
     * Everything the structural checks (all but isolation and secrets) read: the rendered files
     * (by path and the number {@link RenderedTexts} gave their text) and what they read of the
     * environment itself: its model, external tables, Looker constants, whether it takes every
     * story (unused model declarations are reported only then) and its rendered model files.
     * Environments that share it share the verdict, found without comparing a single text again.
     * Whatever a structural check comes to read of the environment must be added here, or an
     * environment whose stories render like a clean one's would skip a check it fails.
     */
    private record Structure(String model, Object externals, Map<String, String> constants,
            boolean takesAllStories, Map<String, String> modelFiles, List<String> paths,
            List<Integer> texts) {}

    /**
     * @param environments every environment of the workspace, whose values no other may name
     * @param processEnvironment where secret values are read, as environments.toml reads them
     */
    public Checks(Workspace workspace, Environments environments, TemplateRenderer renderer,
            Function<String, Optional<String>> processEnvironment) {
        this(workspace, environments, renderer, processEnvironment, ParseMemo.NONE);
    }

    /** Returns a checker that recalls and remembers parses across runs in {@code memo}. */
    public Checks(Workspace workspace, Environments environments, TemplateRenderer renderer,
            Function<String, Optional<String>> processEnvironment, ParseMemo memo) {
        this(workspace, renderer, SecretLeaks.secrets(environments, processEnvironment),
                new Isolation(environments), new ParseCache(memo), new RenderedTexts(),
                ConcurrentHashMap.newKeySet());
    }

    private Checks(Workspace workspace, TemplateRenderer renderer, List<SecretLeaks.Secret> secrets,
            Isolation isolation, ParseCache cache, RenderedTexts texts, Set<Structure> clean) {
        this.workspace = workspace;
        this.renderer = renderer;
        this.secrets = secrets;
        this.isolation = isolation;
        this.cache = cache;
        this.texts = texts;
        this.clean = clean;
    }

    /**
     * Returns a checker for another thread that renders with {@code renderer} and shares this
     * one's parses, text numbers, clean verdicts and isolation index; both may check at once.
     */
    public Checks sibling(TemplateRenderer renderer) {
        return new Checks(workspace, renderer, secrets, isolation, cache, texts, clean);
    }

    /**
     * The shortest secret value searched for in outputs and masked in what storyc prints: a
     * shorter one would match inside ordinary words (a password {@code e} everywhere), and
     * protects nothing anyway.
     */
    public static final int SECRET_MIN_LENGTH = SecretLeaks.MIN_LENGTH;

    /**
     * Returns the secret values of every environment, in every form the secret check looks for, so
     * that whatever prints diagnostics can mask them: a template line quoted under a diagnostic may
     * hold the very value it reports.
     */
    public static Set<String> secretValues(Environments environments,
            Function<String, Optional<String>> processEnvironment) {
        return SecretLeaks.values(environments, processEnvironment);
    }

    /** Returns every problem of one environment's rendered stories and output tree, in print order. */
    public List<Diagnostic> check(Environment environment, Selection selection, List<RenderedStory> stories,
            OutputTree tree) {
        try (ParseCache.Lookups lookups = cache.begin()) {
            return check(environment, selection, stories, tree, lookups);
        }
    }

    private List<Diagnostic> check(Environment environment, Selection selection,
            List<RenderedStory> stories, OutputTree tree, ParseCache.Lookups lookups) {
        Scope scope = new Scope(workspace, environment, selection, stories, renderer, lookups, texts);
        Structure structure = new Structure(environment.model(), externals(environment),
                environment.lookerConstants(), environment.takesAllStories(), scope.modelFiles(),
                scope.files.stream().map(CheckedFile::path).toList(), List.copyOf(scope.textIds));
        if (!clean.contains(structure)) {
            lookups.prefetch(scope.files);
            LookmlReferences.check(scope);
            DashboardReferences.check(scope);
            List<EtlJobs.Target> targets = EtlJobs.check(scope);
            TableReferences.check(scope, targets);
            EtlKeyColumns.check(scope, targets);
            StoryRules.check(scope);
            OfflineValidation.check(scope, targets);
            if (scope.diagnostics.size() == 0) {
                clean.add(structure);
            }
        }
        List<OutputFile> generated = generated(environment, tree);
        isolation.check(scope, generated);
        SecretLeaks.check(scope, secrets, generated);
        return scope.diagnostics.all();
    }

    /**
     * Drops the parsed files kept for the next environment, once every environment is checked,
     * for this checker and its siblings: the checker may live on for other work (rendering commit
     * messages) but will check no more.
     */
    public void forgetParsedFiles() {
        cache.clear();
    }

    private static Object externals(Environment environment) {
        return environment.values().get("variables") instanceof java.util.Map<?, ?> variables
                ? variables.get(TableReferences.EXTERNAL_TABLES) : null;
    }

    /** Returns the output files storyc writes itself rather than rendering from a story. */
    private static List<OutputFile> generated(Environment environment, OutputTree tree) {
        return Stream.of(OutputLayout.modelPath(environment.model()), OutputLayout.MANIFEST, OutputLayout.README,
                        OutputLayout.PLAN, OutputLayout.LOCK)
                .map(tree::file)
                .flatMap(Optional::stream)
                .toList();
    }
}
