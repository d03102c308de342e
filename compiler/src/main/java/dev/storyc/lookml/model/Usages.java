package dev.storyc.lookml.model;

import dev.storyc.lookml.syntax.Block;
import dev.storyc.lookml.syntax.CodeBlock;
import dev.storyc.lookml.syntax.Container;
import dev.storyc.lookml.syntax.Element;
import dev.storyc.lookml.syntax.Item;
import dev.storyc.lookml.syntax.ListNode;
import dev.storyc.lookml.syntax.Pair;
import dev.storyc.lookml.syntax.SyntaxTree;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Collects the {@link Usage}s of a view or explore block: every place it names a field, a set, a
 * constant, an access grant or a datagroup, and every text that holds Liquid. It reads the syntax
 * tree once, so the checks never walk trees themselves.
 *
 * <p>Blocks that query another explore ({@code explore_source}, {@code aggregate_table}) are left
 * out: their names resolve in that explore, which a single block cannot know.
 */
final class Usages {
    /** Keys whose lists name fields and sets. */
    private static final Set<String> FIELD_LISTS =
            Set.of("fields", "drill_fields", "required_fields");

    /** Keys of plain strings that Looker renders as Liquid. */
    private static final Set<String> LIQUID_STRINGS = Set.of("label", "url", "icon_url", "html");

    /** Blocks whose names resolve in another explore. */
    private static final Set<String> OTHER_EXPLORE =
            Set.of("explore_source", "aggregate_table", "query");

    private final List<Usage> usages = new ArrayList<>();

    private Usages() {}

    /** Returns what the block uses, in source order. */
    static List<Usage> of(Block block) {
        Usages collector = new Usages();
        collector.walk(block, Optional.empty(), Optional.empty());
        return List.copyOf(collector.usages);
    }

    /**
     * Returns what a file's top-level items use, leaving out views and explores (which hold their
     * own usages) and the blocks a model declares.
     */
    static List<Usage> ofTopLevel(Container root) {
        Usages collector = new Usages();
        for (Item item : root.items()) {
            String key = item.key();
            if (key.equals("view") || key.equals("explore")) {
                continue;
            }
            if (item instanceof Block block) {
                collector.walk(block, Optional.empty(), Optional.empty());
            } else if (item instanceof Pair pair && !pair.isMissing()) {
                collector.pair(pair, key, Optional.empty(), Optional.empty());
            }
        }
        return List.copyOf(collector.usages);
    }

    private void walk(Container container, Optional<String> field, Optional<String> join) {
        for (Item item : container.items()) {
            String key = item.key();
            if (item instanceof Block block) {
                if (OTHER_EXPLORE.contains(key)) {
                    continue;
                }
                if (FieldKind.ofKey(key) != null) {
                    walk(block, block.name(), join);
                } else if (key.equals("join")) {
                    walk(block, field, block.name());
                } else {
                    walk(block, field, join);
                }
            } else if (item instanceof CodeBlock code) {
                scan(code.tree(), code.codeStart(), code.codeEnd(), key, field, join, true);
            } else if (item instanceof Pair pair && !pair.isMissing()) {
                pair(pair, key, field, join);
            } else if (item instanceof ListNode list) {
                list(list, key, field, join);
            }
        }
    }

    private void pair(Pair pair, String key, Optional<String> field, Optional<String> join) {
        SyntaxTree tree = pair.tree();
        if (FIELD_LISTS.contains(key)) {
            add(UsageKind.FIELD_LIST, pair.value(), tree, pair.valueStart(), key, field, join);
        } else if (key.equals("order_by_field") || key.equals("field")) {
            add(UsageKind.FIELD_NAME, pair.value(), tree, pair.valueStart(), key, field, join);
        } else if (key.equals("required_access_grants")) {
            add(UsageKind.ACCESS_GRANT, pair.value(), tree, pair.valueStart(), key, field, join);
        } else if (key.equals("datagroup_trigger") || key.equals("persist_with")) {
            add(UsageKind.DATAGROUP, pair.value(), tree, pair.valueStart(), key, field, join);
        } else if (pair.isQuoted()) {
            scan(
                    tree,
                    pair.valueStart() + 1,
                    Math.max(pair.valueStart() + 1, pair.valueEnd() - 1),
                    key,
                    field,
                    join,
                    LIQUID_STRINGS.contains(key));
        }
    }

    private void list(ListNode list, String key, Optional<String> field, Optional<String> join) {
        SyntaxTree tree = list.tree();
        for (Element element : list.elements()) {
            if (element.isMissing()) {
                continue;
            }
            if (element.isPair()) {
                if (key.equals("filters") || key.equals("sorts")) {
                    add(
                            UsageKind.FIELD_NAME,
                            element.key().orElse(""),
                            tree,
                            element.start(),
                            key,
                            field,
                            join);
                }
                continue;
            }
            UsageKind kind =
                    switch (key) {
                        case "fields", "drill_fields", "required_fields" -> UsageKind.FIELD_LIST;
                        case "unless" -> UsageKind.FIELD_NAME;
                        case "timeframes", "intervals" -> UsageKind.TIMEFRAME;
                        case "required_access_grants" -> UsageKind.ACCESS_GRANT;
                        default -> null;
                    };
            if (kind != null) {
                add(
                        kind,
                        element.value(),
                        tree,
                        element.valueStart() + (element.isQuoted() ? 1 : 0),
                        key,
                        field,
                        join);
            }
        }
    }

    /**
     * Records the {@code ${...}} substitutions and {@code @{...}} constants of a text, and the text
     * itself when {@code liquid} and it holds Liquid.
     */
    private void scan(
            SyntaxTree tree,
            int start,
            int end,
            String key,
            Optional<String> field,
            Optional<String> join,
            boolean liquid) {
        String source = tree.source();
        for (int i = start; i + 1 < end; i++) {
            char c = source.charAt(i);
            if ((c == '$' || c == '@') && source.charAt(i + 1) == '{') {
                int close = source.indexOf('}', i + 2);
                if (close < 0 || close >= end) {
                    break;
                }
                String name = source.substring(i + 2, close).strip();
                add(
                        c == '$' ? UsageKind.SUBSTITUTION : UsageKind.CONSTANT,
                        name,
                        tree,
                        i + 2,
                        key,
                        field,
                        join);
                if (c == '$' && name.equals("TABLE")) {
                    column(tree, close + 1, end, key, field, join);
                }
                i = close;
            }
        }
        if (liquid) {
            String text = source.substring(start, end);
            if (text.contains("{{") || text.contains("{%")) {
                add(UsageKind.LIQUID, text, tree, start, key, field, join);
            }
        }
    }

    /**
     * Records the column of {@code ${TABLE}.column} or {@code ${TABLE}."Column"} that starts at
     * {@code dot}.
     */
    private void column(
            SyntaxTree tree,
            int dot,
            int end,
            String key,
            Optional<String> field,
            Optional<String> join) {
        String source = tree.source();
        if (dot + 1 >= end || source.charAt(dot) != '.') {
            return;
        }
        int start = dot + 1;
        int i = start;
        if (source.charAt(i) == '"') {
            int close = source.indexOf('"', i + 1);
            if (close < 0 || close >= end) {
                return;
            }
            i = close + 1;
        } else {
            while (i < end
                    && (Character.isLetterOrDigit(source.charAt(i))
                            || source.charAt(i) == '_'
                            || source.charAt(i) == '$')) {
                i++;
            }
        }
        if (i > start) {
            add(UsageKind.COLUMN, source.substring(start, i), tree, start, key, field, join);
        }
    }

    private void add(
            UsageKind kind,
            String text,
            SyntaxTree tree,
            int offset,
            String key,
            Optional<String> field,
            Optional<String> join) {
        usages.add(new Usage(kind, text, tree.position(offset), key, field, join));
    }
}
