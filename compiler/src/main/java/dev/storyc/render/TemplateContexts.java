package dev.storyc.render;

import dev.storyc.config.Environment;
import dev.storyc.config.Tainted;
import dev.storyc.workspace.Story;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names a template can use. Kept in one place because they are the workspace's API: renaming
 * one breaks every user's stories.
 */
public final class TemplateContexts {
    private TemplateContexts() {}

    /** Returns {@code env}, {@code story}, {@code release} and {@code sql} for a story file. */
    public static Map<String, Object> forStory(Environment environment, Story story) {
        Map<String, Object> storyValues = new LinkedHashMap<>();
        storyValues.put("id", story.id().value());
        storyValues.put("title", story.manifest().title());
        story.manifest().owner().ifPresent(v -> storyValues.put("owner", v));
        story.manifest().ticket().ifPresent(v -> storyValues.put("ticket", v));
        story.manifest().description().ifPresent(v -> storyValues.put("description", v));
        Map<String, Object> context = forEnvironment(environment);
        // Stories see tainted values as they are, so that rendering one is refused (E0405).
        context.put("env", environment.values());
        context.put("story", storyValues);
        return context;
    }

    /**
     * Returns {@code env} and {@code release}, for generated files that belong to no story. In
     * these, storyc's own README and commit message, a value read from the process shows as
     * written, such as {@code ${env:WAREHOUSE_HOST}}, as every view shows it; secrets stay refused.
     */
    public static Map<String, Object> forEnvironment(Environment environment) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("env", spelled(environment.values()));
        context.put("release", Map.of("name", environment.release()));
        Object warehouse = environment.values().get("warehouse");
        Object engine = warehouse instanceof Map<?, ?> map ? map.get("engine") : null;
        context.put("sql", SqlDialect.of(engine).names());
        return context;
    }

    /** Returns a copy of a value tree with each tainted value replaced by its spelling. */
    private static Object spelled(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, spelled(v)));
            return copy;
        }
        if (value instanceof java.util.List<?> list) {
            return list.stream().map(TemplateContexts::spelled).toList();
        }
        return value instanceof Tainted tainted ? tainted.spelling() : value;
    }
}
