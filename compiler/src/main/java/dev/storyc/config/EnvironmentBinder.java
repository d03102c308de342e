package dev.storyc.config;

import dev.storyc.diag.Position;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Binds a checked environment table to the {@link Environment} record the compiler works with. */
final class EnvironmentBinder {
    private EnvironmentBinder() {}

    @SuppressWarnings("unchecked")
    static Environment bind(String name, ConfigTable checked) {
        Map<String, Object> values = new TreeMap<>((Map<String, Object>) checked.toPlain());
        values.put("name", name);
        Map<String, Object> output = (Map<String, Object>) values.get("output");
        Map<String, Object> looker = (Map<String, Object>) values.get("looker");
        Map<String, String> constants = new LinkedHashMap<>();
        ((Map<String, Object>) looker.getOrDefault("constants", Map.of()))
                .forEach((k, v) -> constants.put(k, String.valueOf(v)));
        String normalForm = NormalForm.of(values);
        return new Environment(
                name,
                EnvironmentKind.parse((String) values.get("kind")).orElseThrow(),
                (String) values.get("connection"),
                (String) values.get("model"),
                (String) values.get("project_name"),
                (String) values.get("release"),
                (Boolean) values.get("protected"),
                new OutputSettings(
                        Optional.ofNullable((String) output.get("path")),
                        // The remote may carry a token read from the process; pushing needs it.
                        Optional.ofNullable((String) Tainted.reveal(output.get("remote"))),
                        (String) output.get("branch"),
                        !Boolean.FALSE.equals(output.get("working_tree")),
                        OutputSettings.shared(output.get("remote"))),
                constants,
                values,
                normalForm,
                NormalForm.hash(normalForm),
                checked.position(),
                PhiSettings.of(checked),
                // Where `release` is written (a base's line when inherited), for the problems of the
                // release it names: the header was no help in a long file (round 18).
                checked.at("release").map(ConfigValue::position).filter(Position::hasLine)
                        .orElse(checked.position()));
    }
}
