package dev.storyc.phi;

import dev.storyc.config.Environment;
import dev.storyc.diag.Diagnostic;
import dev.storyc.render.RenderedStory;
import dev.storyc.render.TemplateRenderer;
import java.util.List;

/**
 * Turns raw uses into diagnostics at the template line that wrote them, with the classification
 * line as a related location and, for a use through another field, the raw read it passes on.
 */
final class UseDiagnostics {
    private final Environment environment;
    private final PhiPolicy policy;
    private final TemplateLines lines;

    UseDiagnostics(Environment environment, PhiPolicy policy, List<RenderedStory> rendered,
            TemplateRenderer renderer) {
        this.environment = environment;
        this.policy = policy;
        this.lines = new TemplateLines(environment, rendered, renderer);
    }

    List<Diagnostic> of(List<PhiUse> uses) {
        return uses.stream().map(this::diagnostic).distinct().toList();
    }

    private Diagnostic diagnostic(PhiUse use) {
        ProtectedColumn column = use.column();
        Diagnostic diagnostic = Diagnostic.error(use.code(), lines.at(use.at(), use.token()),
                        use.message() + " in " + environment.name())
                .withHint(use.hint());
        if (use.through().isPresent()) {
            PhiUse through = use.through().get();
            diagnostic = diagnostic.withRelated(lines.at(through.at(), through.token()),
                    "the raw read is here");
        }
        return diagnostic.withRelated(column.declaredAt(), "`" + column.qualifiedName()
                + "` is classified `"
                + column.phiClass().spelling() + "` here; " + environment.name() + " must "
                + policy.treatmentOf(column.phiClass()).spelling() + " it");
    }
}
