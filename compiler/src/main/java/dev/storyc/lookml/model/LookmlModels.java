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

/**
 * Builds the semantic model of a file from its syntax tree. It is lenient: a tree with syntax
 * errors still gives what its well-formed parts define, and unknown keys are ignored, so that the
 * checks can report every problem of a workspace in one run.
 */
public final class LookmlModels {
    private LookmlModels() {}

    /** Returns what the file defines. */
    public static LookmlFile of(SyntaxTree tree) {
        Container root = tree.root();
        List<View> views = new ArrayList<>();
        List<Explore> explores = new ArrayList<>();
        for (Block block : root.blocks("view")) {
            views.add(view(block));
        }
        for (Block block : root.blocks("explore")) {
            explores.add(explore(block));
        }
        List<Located> includes = new ArrayList<>();
        for (Item item : root.items("include")) {
            includes.addAll(values(item));
        }
        List<Located> accessGrants = new ArrayList<>();
        root.blocks("access_grant").forEach(b -> accessGrants.add(new Located(name(b), b.namePosition())));
        List<Located> datagroups = new ArrayList<>();
        root.blocks("datagroup").forEach(b -> datagroups.add(new Located(name(b), b.namePosition())));
        return new LookmlFile(tree.path(), FileKind.ofPath(tree.path()), scalar(root, "connection"), includes,
                views, explores, manifest(root), accessGrants, datagroups, Usages.ofTopLevel(root));
    }

    private static View view(Block block) {
        List<Field> fields = new ArrayList<>();
        List<FieldSet> sets = new ArrayList<>();
        Optional<DerivedTable> derived = Optional.empty();
        for (Item item : block.items()) {
            FieldKind kind = FieldKind.ofKey(item.key());
            if (kind != null && item instanceof Block field) {
                fields.add(field(kind, field));
            } else if (item.key().equals("set") && item instanceof Block set) {
                sets.add(new FieldSet(name(set), set.namePosition(), list(set, "fields")));
            } else if (item.key().equals("derived_table") && item instanceof Block table && derived.isEmpty()) {
                derived = Optional.of(new DerivedTable(table.position(), scalar(table, "sql"),
                        scalar(table, "explore_source").or(() -> table.blocks("explore_source").stream()
                                .findFirst().map(b -> new Located(name(b), b.namePosition())))));
            }
        }
        return new View(plainName(block), block.namePosition(), block.isRefinement(), list(block, "extends"),
                isYes(scalar(block, "extension"), "required"), scalar(block, "sql_table_name"), derived,
                fields, sets, Usages.of(block));
    }

    private static Field field(FieldKind kind, Block block) {
        List<String> timeframes = new ArrayList<>();
        list(block, "timeframes").forEach(l -> timeframes.add(l.value()));
        list(block, "intervals").forEach(l -> timeframes.add(l.value()));
        return new Field(kind, name(block), block.namePosition(), scalar(block, "type"), scalar(block, "datatype"),
                scalar(block, "sql"), timeframes, isYes(scalar(block, "hidden"), "yes"));
    }

    private static Explore explore(Block block) {
        List<Join> joins = new ArrayList<>();
        for (Block join : block.blocks("join")) {
            joins.add(new Join(name(join), join.namePosition(), scalar(join, "from"), scalar(join, "sql_on"),
                    scalar(join, "relationship"), scalar(join, "type"),
                    list(join, "fields"), !join.items("fields").isEmpty()));
        }
        return new Explore(plainName(block), block.namePosition(), block.isRefinement(), scalar(block, "view_name"),
                scalar(block, "from"), list(block, "extends"), isYes(scalar(block, "extension"), "required"),
                joins, list(block, "fields"), Usages.of(block));
    }

    private static Optional<Manifest> manifest(Container root) {
        Optional<Located> project = scalar(root, "project_name");
        List<Constant> constants = new ArrayList<>();
        for (Block block : root.blocks("constant")) {
            constants.add(new Constant(name(block), block.namePosition(), scalar(block, "value"),
                    scalar(block, "export").map(Located::value)));
        }
        List<Located> dependencies = new ArrayList<>();
        for (Block block : root.blocks("local_dependency")) {
            scalar(block, "project").ifPresent(dependencies::add);
        }
        if (project.isEmpty() && constants.isEmpty() && dependencies.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Manifest(project, constants, dependencies));
    }

    /** Returns the first value of a key that is a pair or code block. */
    static Optional<Located> scalar(Container container, String key) {
        for (Item item : container.items()) {
            if (!item.key().equals(key)) {
                continue;
            }
            if (item instanceof Pair pair && !pair.isMissing()) {
                return Optional.of(new Located(pair.unescapedValue(), pair.valuePosition()));
            } else if (item instanceof CodeBlock code) {
                return Optional.of(new Located(code.code(), code.codePosition()));
            }
        }
        return Optional.empty();
    }

    /** Returns the values of every item with the key, whether written as a list or a single value. */
    static List<Located> list(Container container, String key) {
        List<Located> values = new ArrayList<>();
        for (Item item : container.items(key)) {
            values.addAll(values(item));
        }
        return values;
    }

    private static List<Located> values(Item item) {
        if (item instanceof ListNode list) {
            List<Located> values = new ArrayList<>();
            for (Element e : list.elements()) {
                if (!e.isPair()) {
                    values.add(new Located(e.value(), e.valuePosition()));
                }
            }
            return values;
        } else if (item instanceof Pair pair && !pair.isMissing()) {
            return List.of(new Located(pair.unescapedValue(), pair.valuePosition()));
        }
        return List.of();
    }

    private static String name(Block block) {
        return block.name().orElse("");
    }

    /** Returns a block's name without the {@code +} of a refinement. */
    private static String plainName(Block block) {
        String name = name(block);
        return block.isRefinement() ? name.substring(1) : name;
    }

    private static boolean isYes(Optional<Located> value, String yes) {
        return value.map(v -> v.value().equals(yes)).orElse(false);
    }
}
