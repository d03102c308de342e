package dev.storyc.check;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Spelling;
import dev.storyc.lookml.model.LookmlFile;
import dev.storyc.lookml.model.Usage;
import dev.storyc.lookml.model.UsageKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks every {@code @{name}} of the environment's LookML against the constants the generated
 * manifest declares, which are the environment's {@code looker.constants}. Looker rejects the whole
 * project for one undefined constant, so it is reported at its use.
 */
final class ConstantReferences {
    private ConstantReferences() {}

    static void check(Scope scope) {
        Set<String> defined = scope.environment.lookerConstants().keySet();
        for (var file : scope.defined().lkmlFiles) {
            LookmlFile model = file.value().model();
            List<Usage> usages = new ArrayList<>(model.usages());
            model.views().forEach(v -> usages.addAll(v.usages()));
            model.explores().forEach(e -> usages.addAll(e.usages()));
            for (Usage usage : usages) {
                if (usage.kind() != UsageKind.CONSTANT || defined.contains(usage.text())) {
                    continue;
                }
                scope.report(
                        Diagnostic.error(
                                        Code.UNKNOWN_CONSTANT,
                                        file.file().at(usage.position(), usage.text()),
                                        "`@{"
                                                + usage.text()
                                                + "}` in `"
                                                + usage.key()
                                                + "` names a constant that environment `"
                                                + scope.environment.name()
                                                + "` does not define")
                                .withHint(
                                        Spelling.closest(usage.text(), defined)
                                                .map(c -> "did you mean `@{" + c + "}`?")
                                                .orElse(
                                                        "declare it for the environment:"
                                                            + " looker.constants."
                                                                + usage.text()
                                                                + " = \"...\" in"
                                                                + " environments.toml")));
            }
        }
    }
}
