package dev.storyc.phi;

import dev.storyc.config.Environment;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.render.RenderedFile;
import dev.storyc.render.RenderedStory;
import dev.storyc.render.TemplateContexts;
import dev.storyc.render.TemplatePositions;
import dev.storyc.render.TemplateRenderer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns raw uses into diagnostics at the template line that wrote them, with the classification
 * line as a related location and, for a use through another field, the raw read it passes on.
 */
final class UseDiagnostics {
    private final Environment environment;
    private final PhiPolicy policy;
    private final TemplateRenderer renderer;
    private final Map<String, RenderedStory> storyOf = new HashMap<>();
    private final Map<String, RenderedFile> fileOf = new HashMap<>();
    private final Map<String, TemplatePositions> positions = new HashMap<>();

    UseDiagnostics(Environment environment, PhiPolicy policy, List<RenderedStory> rendered,
            TemplateRenderer renderer) {
        this.environment = environment;
        this.policy = policy;
        this.renderer = renderer;
        for (RenderedStory story : rendered) {
            for (RenderedFile file : story.files()) {
                storyOf.put(file.file().source().path(), story);
                fileOf.put(file.file().source().path(), file);
            }
        }
    }

    List<Diagnostic> of(List<PhiUse> uses) {
        return uses.stream().map(this::diagnostic).distinct().toList();
    }

    private Diagnostic diagnostic(PhiUse use) {
        ProtectedColumn column = use.column();
        Diagnostic diagnostic = Diagnostic.error(use.code(), at(use.path(), use.at(), use.token()),
                        use.message() + " in " + environment.name())
                .withHint(use.hint());
        if (use.through().isPresent()) {
            PhiUse through = use.through().get();
            diagnostic = diagnostic.withRelated(at(through.path(), through.at(), through.token()),
                    "the raw read is here");
        }
        return diagnostic.withRelated(column.declaredAt(), "`" + column.qualifiedName() + "` is classified `"
                + column.phiClass().spelling() + "` here; " + environment.name() + " must "
                + policy.treatmentOf(column.phiClass()).spelling() + " it");
    }

    private Position at(String path, Position rendered, String token) {
        RenderedFile file = fileOf.get(path);
        if (file == null) {
            return rendered;
        }
        TemplatePositions mapper = positions.computeIfAbsent(path, p -> new TemplatePositions(
                file.file().source(), file.text(), renderer.trace(file.file().source(),
                        TemplateContexts.forStory(environment, storyOf.get(p).story()), file.text())));
        return mapper.at(rendered, token);
    }
}
