package dev.storyc.phi;

import dev.storyc.lookml.syntax.Block;
import dev.storyc.lookml.syntax.CodeBlock;
import dev.storyc.lookml.syntax.Item;
import dev.storyc.lookml.syntax.ListNode;
import dev.storyc.lookml.syntax.Pair;
import dev.storyc.lookml.syntax.ParsedFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which classified table each view reads: the one its {@code sql_table_name} names, or, for a
 * refinement or a view that {@code extends} another without naming a table of its own, the
 * table of the view it builds on. A view with a {@code derived_table} reads its own SQL, which the
 * SQL half of the phi stage judges, so its {@code ${TABLE}} is not a classified table.
 */
final class ViewTables {
    private final Map<String, String> tables = new HashMap<>();

    private ViewTables() {}

    /** Returns the views of the files over tables {@code classification} protects. */
    static ViewTables of(List<ParsedFile> files, Classification classification) {
        Map<String, String> named = new LinkedHashMap<>();
        Map<String, List<String>> extendsOf = new HashMap<>();
        java.util.Set<String> derived = new java.util.HashSet<>();
        for (ParsedFile file : files) {
            for (Block view : file.tree().root().blocks("view")) {
                String name = viewName(view);
                for (Item item : view.items()) {
                    if (item instanceof CodeBlock code && item.key().equals("sql_table_name")) {
                        named.put(name, ownName(code.code()));
                    } else if (item instanceof Pair pair && item.key().equals("sql_table_name")) {
                        named.put(name, ownName(pair.unescapedValue()));
                    } else if (item instanceof Block block && item.key().equals("derived_table")) {
                        derived.add(name);
                    } else if (item instanceof ListNode list && item.key().startsWith("extends")) {
                        extendsOf.computeIfAbsent(name, k -> new ArrayList<>()).addAll(list
                                .values());
                    }
                }
            }
        }
        ViewTables result = new ViewTables();
        for (String view : union(named.keySet(), extendsOf.keySet())) {
            if (!derived.contains(view)) {
                tableOf(view, named, extendsOf, 0).filter(classification::protects)
                        .ifPresent(table -> result.tables.put(view, table));
            }
        }
        return result;
    }

    /**
     * Returns a view block's name; a refinement ({@code view: +patients}) names the view it
     * refines.
     */
    static String viewName(Block view) {
        String name = view.name().orElse("");
        return name.startsWith("+") ? name.substring(1) : name;
    }

    /** Returns the classified table a view reads, if it reads one. */
    Optional<String> tableOf(String view) {
        return Optional.ofNullable(tables.get(view));
    }

    /** Returns the views over a table. */
    boolean isViewOver(String name) {
        return tables.containsKey(name);
    }

    private static Optional<String> tableOf(String view, Map<String, String> named,
            Map<String, List<String>> extendsOf, int depth) {
        if (named.containsKey(view)) {
            return Optional.ofNullable(named.get(view));
        }
        if (depth > 20) {
            return Optional.empty();
        }
        for (String parent : extendsOf.getOrDefault(view, List.of())) {
            Optional<String> table = tableOf(parent, named, extendsOf, depth + 1);
            if (table.isPresent()) {
                return table;
            }
        }
        return Optional.empty();
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Returns the table's own name when the text is a plain relation name, else null. */
    private static String ownName(String text) {
        String trimmed = text.strip();
        if (!trimmed.matches("[A-Za-z0-9_.\"]+")) {
            return null;
        }
        String last = trimmed.substring(trimmed.lastIndexOf('.') + 1);
        return last.startsWith("\"") ? last.replace("\"", "") : last.toLowerCase(Locale.ROOT);
    }
}
