package dev.storyc.check;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.lookml.model.Explore;
import dev.storyc.lookml.model.Field;
import dev.storyc.lookml.model.Join;
import dev.storyc.lookml.model.Located;
import dev.storyc.lookml.model.LookmlFile;
import dev.storyc.lookml.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Checks that every key whose values Looker fixes holds one of them ({@link LookerValues}): the
 * {@code type} and {@code datatype} of fields, and the {@code type} and {@code relationship} of
 * joins. Looker refuses the project for a {@code type: strng}, where the rest of the pipeline
 * would read it as the default and compile it. A property of one file, so views and explores are
 * checked as written, refinements and templates ({@code extension: required}) alike.
 */
final class ClosedValues {
    /** What Looker or storyc fills in before a value means anything: not for a catalogue to judge. */
    private static final List<String> TEMPLATED = List.of("{{", "{%", "@{", "${", "<%");

    private final FieldReferences.Placer place;
    private final Consumer<Diagnostic> sink;

    private ClosedValues(FieldReferences.Placer place, Consumer<Diagnostic> sink) {
        this.place = place;
        this.sink = sink;
    }

    static void check(Scope scope) {
        for (var def : LookmlReferences.allViews(scope.defined())) {
            new ClosedValues(def.file()::at, scope::report).view(def.value());
        }
        for (var def : LookmlReferences.allExplores(scope.defined())) {
            new ClosedValues(def.file()::at, scope::report).explore(def.value());
        }
    }

    /**
     * Returns the problems of one file's values at the file's own positions, for checking LookML
     * outside a workspace ({@link LookmlFileChecks}).
     */
    static List<Diagnostic> of(LookmlFile file) {
        List<Diagnostic> found = new ArrayList<>();
        ClosedValues values = new ClosedValues((at, token) -> at, found::add);
        file.views().forEach(values::view);
        file.explores().forEach(values::explore);
        return List.copyOf(found);
    }

    private void view(View view) {
        String owner = "of view `" + (view.refinement() ? "+" : "") + view.name() + "`";
        for (Field field : view.fields()) {
            String what = field.kind().key().replace('_', ' ') + " `" + field.name() + "` " + owner;
            value(what, "type", field.type(), LookerValues.fieldType(field.kind()));
            value(what, "datatype", field.datatype(), LookerValues.DATATYPE);
        }
    }

    private void explore(Explore explore) {
        String owner = "of explore `" + (explore.refinement() ? "+" : "") + explore.name() + "`";
        for (Join join : explore.joins()) {
            String what = "join `" + join.name() + "` " + owner;
            value(what, "type", join.type(), LookerValues.JOIN_TYPE);
            value(what, "relationship", join.relationship(), LookerValues.RELATIONSHIP);
        }
    }

    private void value(String what, String key, Optional<Located> written, LookerValues.Closed closed) {
        if (written.isEmpty() || isTemplated(written.get().value())) {
            return;
        }
        String value = written.get().value();
        if (closed.accepts(value)) {
            return;
        }
        sink.accept(
                Diagnostic.error(
                                Code.UNKNOWN_LOOKML_VALUE,
                                place.at(written.get().position(), value),
                                what + " has `" + key + ": " + value + "`, which Looker does not have")
                        .withHint(closed.hint(value)));
    }

    private static boolean isTemplated(String value) {
        return TEMPLATED.stream().anyMatch(value::contains);
    }
}
