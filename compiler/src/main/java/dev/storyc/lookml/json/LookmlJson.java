package dev.storyc.lookml.json;

import dev.storyc.diag.Json;

import dev.storyc.lookml.syntax.Block;
import dev.storyc.lookml.syntax.CodeBlock;
import dev.storyc.lookml.syntax.Container;
import dev.storyc.lookml.syntax.Element;
import dev.storyc.lookml.syntax.Item;
import dev.storyc.lookml.syntax.ListNode;
import dev.storyc.lookml.syntax.Pair;
import dev.storyc.lookml.syntax.ParsedFile;
import dev.storyc.lookml.syntax.SyntaxTree;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts LookML into the de facto interchange shape that Python's {@code lkml.load} produces,
 * so that tools written against it work unchanged:
 *
 * <ul>
 *   <li>a container (the file or a block) becomes an object, its keys in first-seen order;</li>
 *   <li>a repeatable key ({@code view}, {@code dimension}, {@code join}, ...) becomes a plural key
 *       holding a list ({@code views}, {@code dimensions}, {@code joins}); {@code query} becomes
 *       {@code queries}; {@code filters}, {@code bind_filters} and {@code extends} become
 *       {@code filters__all} and so on, holding a list per occurrence;</li>
 *   <li>a named block is an object with a {@code name} key, set after its items;</li>
 *   <li>every value is a string: a literal as written, a quoted string without its quotes
 *       (escapes kept as written), code without the whitespace around it;</li>
 *   <li>a list is a list of strings, its pair elements one-key objects;</li>
 *   <li>a key that repeats but is not repeatable keeps its first place and its last value.</li>
 * </ul>
 */
public final class LookmlJson {
    /** The keys that {@code lkml} gathers into lists under a plural key. */
    public static final Set<String> PLURAL_KEYS = Set.of(
            "view", "measure", "dimension", "dimension_group", "filter", "filters", "access_filter",
            "bind_filters", "map_layer", "parameter", "set", "column", "derived_column", "include",
            "explore", "link", "when", "allowed_value", "named_value_format", "join", "datagroup",
            "access_grant", "sql_step", "action", "param", "form_param", "option", "user_attribute_param",
            "assert", "test", "query", "extends", "aggregate_table");

    private LookmlJson() {}

    /** Returns the file as JSON text, laid out like {@code json.dumps(lkml.load(text), indent=2)}. */
    public static String toJson(ParsedFile parsed) {
        return Json.write(load(parsed.tree()), Json.Layout.ALL, Json.Escaping.PYTHON);
    }

    /**
     * Returns a dashboard file's YAML documents ({@link
     * dev.storyc.lookml.dashboard.DashboardParser#documents}) as JSON text: one document as
     * itself, several as a list.
     */
    public static String toJson(List<Object> documents) {
        return Json.write(documents.size() == 1 ? documents.get(0) : documents,
                Json.Layout.ALL, Json.Escaping.PYTHON);
    }

    /** Returns the file as plain values: ordered maps, lists and strings. */
    public static Map<String, Object> load(SyntaxTree tree) {
        return container(tree.root());
    }

    /** Returns the key a repeatable key is gathered under. */
    public static String pluralize(String key) {
        return switch (key) {
            case "filters", "bind_filters", "extends" -> key + "__all";
            case "query" -> "queries";
            default -> key + "s";
        };
    }

    private static Map<String, Object> container(Container container) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Item item : container.items()) {
            String key = item.key();
            Object value = value(item);
            if (PLURAL_KEYS.contains(key)) {
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) map.computeIfAbsent(pluralize(key), k -> new ArrayList<>());
                list.add(value);
            } else {
                map.put(key, value);
            }
        }
        return map;
    }

    private static Object value(Item item) {
        return switch (item.kind()) {
            case PAIR -> ((Pair) item).isMissing() ? "" : ((Pair) item).value();
            case CODE -> ((CodeBlock) item).code();
            case LIST -> list((ListNode) item);
            case BLOCK -> block((Block) item);
            case DOCUMENT, ELEMENT -> throw new IllegalStateException("not an item: " + item.kind());
        };
    }

    private static Map<String, Object> block(Block block) {
        Map<String, Object> map = container(block);
        block.name().ifPresent(name -> map.put("name", name));
        return map;
    }

    private static List<Object> list(ListNode list) {
        List<Object> values = new ArrayList<>();
        for (Element e : list.elements()) {
            if (e.isPair()) {
                values.add(Collections.singletonMap(e.key().orElseThrow(), e.value()));
            } else {
                values.add(e.value());
            }
        }
        return values;
    }
}
