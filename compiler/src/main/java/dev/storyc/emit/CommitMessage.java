package dev.storyc.emit;

import dev.storyc.render.TemplateContexts;
import dev.storyc.render.TemplateRenderer;
import dev.storyc.workspace.Stdlib;
import java.util.Map;

/**
 * The message of an output commit: what changed, story by story, and the trailers that let storyc
 * (and people) tell its own commits from drift: {@code Storyc-Env-Hash}, {@code Storyc-Release},
 * {@code Storyc-Source}.
 */
public final class CommitMessage {
    private CommitMessage() {}

    public static String render(Stdlib stdlib, TemplateRenderer renderer, CompiledEnvironment compiled,
            ChangeSummary summary, String source) {
        Map<String, Object> context = TemplateContexts.forEnvironment(compiled.environment());
        context.put("added", summary.added());
        // Leaving a release is a deliberate back-out; leaving `all` means the story folder was deleted.
        boolean release = !compiled.environment().takesAllStories();
        context.put("backed_out", release ? summary.removed() : java.util.List.of());
        context.put("removed", release ? java.util.List.of() : summary.removed());
        context.put("changed", summary.changed());
        context.put("has_changes", !summary.added().isEmpty() || !summary.removed().isEmpty()
                || !summary.changed().isEmpty());
        context.put("env_hash", compiled.environment().hash());
        context.put("source", source);
        var rendered = renderer.render(stdlib.template("commit-message"), context);
        if (!rendered.ok()) {
            throw new IllegalStateException("the stdlib commit message template is broken: " + rendered.diagnostics());
        }
        return rendered.text().replaceAll("\n{3,}", "\n\n");
    }
}
