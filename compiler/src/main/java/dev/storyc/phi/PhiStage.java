package dev.storyc.phi;

import dev.storyc.config.Environment;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Result;
import dev.storyc.render.RenderedFile;
import dev.storyc.render.RenderedStory;
import dev.storyc.render.TemplateRenderer;
import dev.storyc.workspace.ArtifactKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The phi stage of one environment: decide its policy, read the classification of the stories it
 * compiles, rewrite their rendered LookML and SQL so that every read of a protected column carries
 * the environment's treatment, and prove on the rewritten text that nothing raw is left. A pure
 * step between rendering and the output tree; {@code compile} calls it.
 */
public final class PhiStage {
    private final Environment environment;
    private final PhiPolicy policy;
    private final Classification classification;
    private final SqlProtection sql;
    private final PhiCache cache;
    /** The analysis of the rendered LookML, made by {@link #rewrite}, which the proof reuses. */
    private LookmlAnalysis rendered;

    private PhiStage(Environment environment, PhiPolicy policy, Classification classification,
            SqlProtection sql, PhiCache cache) {
        this.environment = environment;
        this.cache = cache;
        this.policy = policy;
        this.classification = classification;
        this.sql = sql;
    }

    /**
     * Returns the stage for one environment's rendered stories, or the diagnostics of a bad policy
     * or classification file.
     */
    public static Result<PhiStage> prepare(Environment environment, List<RenderedStory> stories,
            SqlProtection sql) {
        return prepare(environment, stories, sql, new PhiCache());
    }

    /**
     * Returns the stage, reading through {@code cache}, which other environments of the run share.
     */
    public static Result<PhiStage> prepare(Environment environment, List<RenderedStory> stories,
            SqlProtection sql, PhiCache cache) {
        Diagnostics diagnostics = new Diagnostics();
        Result<PhiPolicy> policy = PhiPolicies.of(environment);
        diagnostics.addAll(policy.diagnostics());
        Result<Classification> classification = cache.classification(stories);
        diagnostics.addAll(classification.diagnostics());
        if (!policy.ok() || !classification.ok()) {
            return Result.failed(diagnostics.all());
        }
        return Result.of(new PhiStage(environment, policy.get(), classification.get(), sql, cache),
                diagnostics);
    }

    public PhiPolicy policy() {
        return policy;
    }

    public Classification classification() {
        return classification;
    }

    /**
     * Returns true when there is nothing to treat: no classified column, or every class allowed.
     */
    public boolean idle() {
        return classification.isEmpty() || policy.allowsEverything();
    }

    /** Returns the stories with every read of a protected column treated, line for line. */
    public List<RenderedStory> rewrite(List<RenderedStory> stories) {
        if (idle()) {
            return stories;
        }
        LookmlAnalysis analysis = LookmlAnalysis.of(lookml(stories), classification, policy, null,
                cache);
        this.rendered = analysis;
        List<RenderedStory> result = new ArrayList<>();
        for (RenderedStory story : stories) {
            List<RenderedFile> files = new ArrayList<>();
            for (RenderedFile file : story.files()) {
                String text = Rewrites.apply(file.text(),
                        analysis.edits().getOrDefault(file.file().source().path(), List.of()));
                files.add(new RenderedFile(file.file(), Rewrites.sql(file, text, sql,
                        classification, policy)));
            }
            result.add(new RenderedStory(story.story(), files));
        }
        return List.copyOf(result);
    }

    /**
     * Returns a diagnostic for every raw use of a protected column left in {@code rewritten}, at
     * the template line of {@code rendered} (the same stories before the rewrite, which is what
     * the templates produced) and with the classification line as a related location.
     */
    public List<Diagnostic> prove(List<RenderedStory> rendered, List<RenderedStory> rewritten,
            TemplateRenderer renderer) {
        if (idle()) {
            return List.of();
        }
        LookmlAnalysis before = this.rendered != null ? this.rendered
                : LookmlAnalysis.of(lookml(rendered), classification, policy, null, cache);
        PhiUses uses = PhiUses.of(before, rewritten, classification, policy, sql, cache);
        return new UseDiagnostics(environment, policy, rendered, renderer).of(uses.all());
    }

    /** Returns the LookML files (views and explores) of the stories. */
    static List<LookmlText> lookml(List<RenderedStory> stories) {
        List<LookmlText> files = new ArrayList<>();
        for (RenderedStory story : stories) {
            for (RenderedFile file : story.files()) {
                ArtifactKind kind = file.file().kind();
                if (kind == ArtifactKind.VIEW || kind == ArtifactKind.EXPLORE) {
                    files.add(new LookmlText(file.file().source().path(), file.text()));
                }
            }
        }
        return files;
    }
}
