package dev.storyc.lookml.dashboard;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.diag.SourceFile;
import dev.storyc.lookml.model.Dashboard;
import dev.storyc.lookml.model.DashboardElement;
import dev.storyc.lookml.model.DashboardElement.Binding;
import dev.storyc.lookml.model.DashboardFilter;
import dev.storyc.lookml.model.Located;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Loads {@code .dashboard.lookml} files, which are YAML. It composes YAML nodes rather than
 * constructing Java objects, which keeps each node's position and lets tags that no Java type
 * stands for, such as {@code !ruby/hash:ActiveSupport::HashWithIndifferentAccess} and
 * {@code !!null ''}, through as plain maps and strings.
 */
public final class DashboardParser {
    /** Deeper YAML than this is cut off, so that aliases cannot make the walk explode. */
    private static final int MAX_DEPTH = 64;
    /**
     * How many aliases of a list or mapping a file may hold: enough to reuse an element or a
     * filter set, too few for a "billion laughs" file to make checking it explode.
     */
    private static final int MAX_COLLECTION_ALIASES = 10;

    private final String path;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private DashboardParser(String path) {
        this.path = path;
    }

    /** Returns the dashboards of a file and the problems found in it. Never throws on bad input. */
    public static ParsedDashboards parse(String path, String text) {
        return new DashboardParser(path).load(text);
    }

    /**
     * Returns a file's YAML documents as plain values (ordered maps, lists and strings, tags
     * dropped), as far as they compose; for tools that print every key. Never throws on bad
     * input: {@link #parse} reports what is wrong.
     */
    public static List<Object> documents(String path, String text) {
        List<Object> documents = new ArrayList<>();
        for (Node root : new DashboardParser(path).compose(text)) {
            documents.add(plain(root, 0));
        }
        return documents;
    }

    private ParsedDashboards load(String text) {
        List<Node> roots = compose(text);
        roots.forEach(this::reportDuplicateKeys);
        List<Dashboard> dashboards = new ArrayList<>();
        for (Node root : roots) {
            if (root instanceof SequenceNode list) {
                for (Node entry : list.getValue()) {
                    dashboard(entry).ifPresent(dashboards::add);
                }
            } else if (root instanceof MappingNode) {
                error(Code.DASHBOARD_SHAPE, position(root), "A dashboard file must hold a list of dashboards,"
                                + " not a single mapping.",
                        "start the dashboard with `- dashboard: name` and indent the rest under it");
            } else if (!(root instanceof ScalarNode s && s.getValue().isEmpty())) {
                error(Code.DASHBOARD_SHAPE, position(root), "A dashboard file must hold a list of dashboards.",
                        "start the file with `- dashboard: name`");
            }
        }
        return new ParsedDashboards(path, dashboards, diagnostics);
    }

    /** Returns the YAML documents of {@code text} that compose, reporting why the rest do not. */
    private List<Node> compose(String text) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(path)
                .setUseMarks(true)
                .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
                .setCodePointLimit(Integer.MAX_VALUE)
                .build();
        List<Node> roots = new ArrayList<>();
        try {
            for (Node root : new Compose(settings).composeAllFromString(text)) {
                roots.add(root);
            }
            // The documented limit, not the JVM's stack: 70 or 500 levels composed, and passed
            // (round 18); only thousands overflowed the composer.
            if (roots.stream().anyMatch(DashboardParser::nestsTooDeep)) {
                error(Code.DASHBOARD_TOO_DEEP, tooDeep(settings, text),
                        "Dashboard YAML is nested more than " + MAX_DEPTH + " deep.",
                        "dashboards nest a few levels: dashboard, elements, an element's settings");
                roots.clear();
            }
        } catch (MarkedYamlEngineException e) {
            Position at = e.getProblemMark().or(e::getContextMark).map(this::position).orElse(Position.ofFile(path));
            error(Code.DASHBOARD_YAML_SYNTAX, at, "Dashboard YAML is invalid: " + e.getProblem() + ".",
                    // SnakeYAML's context reads "while parsing a block mapping" already.
                    e.getContext() == null ? null
                            : e.getContext().startsWith("while ") ? e.getContext() : "while " + e.getContext());
        } catch (StackOverflowError e) {
            // The composer recurses once per level; the event parser does not, so it finds where.
            error(Code.DASHBOARD_TOO_DEEP, tooDeep(settings, text),
                    "Dashboard YAML is nested more than " + MAX_DEPTH + " deep.",
                    "dashboards nest a few levels: dashboard, elements, an element's settings");
            roots.clear();
        } catch (org.snakeyaml.engine.v2.exceptions.ReaderException e) {
            // The reader knows the character and where it is, but puts neither in its message.
            error(Code.DASHBOARD_YAML_SYNTAX, new SourceFile(path, text).positionOf(text.offsetByCodePoints(0,
                            Math.min(e.getPosition(), text.codePointCount(0, text.length())))),
                    "Dashboard YAML cannot hold the character U+" + String.format("%04X", e.getCodePoint()) + ".",
                    "remove it; in a double-quoted string it can be written as an escape, such as \\x01");
        } catch (YamlEngineException | IllegalArgumentException | IllegalStateException e) {
            Optional<Position> alias = aliasBeyondLimit(settings, text);
            if (alias.isPresent()) {
                error(Code.DASHBOARD_YAML_SYNTAX, alias.get(), "Dashboard YAML repeats lists and mappings by alias"
                                + " more than " + MAX_COLLECTION_ALIASES + " times; this is alias number "
                                + (MAX_COLLECTION_ALIASES + 1) + ".",
                        "write the repeated part out, or anchor fewer lists and mappings");
                return roots;
            }
            error(Code.DASHBOARD_YAML_SYNTAX, Position.ofFile(path), "Dashboard YAML is invalid: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ".", null);
        }
        return roots;
    }

    private Optional<Dashboard> dashboard(Node node) {
        Map<String, NodeTuple> map = mapping(node);
        if (map == null || !map.containsKey("dashboard")) {
            error(Code.DASHBOARD_SHAPE, position(node), "A dashboard must be a mapping with a `dashboard` key.",
                    "write `- dashboard: name` followed by its `title`, `elements` and `filters`");
            return Optional.empty();
        }
        Located name = scalar(map, "dashboard").orElse(new Located("", position(node)));
        List<DashboardElement> elements = new ArrayList<>();
        for (Node element : sequence(map, "elements")) {
            element(element).ifPresent(elements::add);
        }
        List<DashboardFilter> filters = new ArrayList<>();
        for (Node filter : sequence(map, "filters")) {
            filter(filter).ifPresent(filters::add);
        }
        return Optional.of(new Dashboard(name.value(), name.position(), text(map, "title"), elements, filters));
    }

    private Optional<DashboardElement> element(Node node) {
        Map<String, NodeTuple> map = mapping(node);
        if (map == null) {
            error(Code.DASHBOARD_SHAPE, position(node), "A dashboard element must be a mapping.",
                    "write `- name: ...` followed by its `model`, `explore` and `fields`");
            return Optional.empty();
        }
        return Optional.of(new DashboardElement(text(map, "name"), position(node), text(map, "title"),
                text(map, "type"), scalar(map, "model"), scalar(map, "explore"), scalars(map, "fields"),
                bindings(map, "filters"), scalars(map, "sorts"), bindings(map, "listen"), scalars(map, "pivots")));
    }

    private Optional<DashboardFilter> filter(Node node) {
        Map<String, NodeTuple> map = mapping(node);
        if (map == null) {
            error(Code.DASHBOARD_SHAPE, position(node), "A dashboard filter must be a mapping.",
                    "write `- name: ...` followed by its `type` and `field`");
            return Optional.empty();
        }
        return Optional.of(new DashboardFilter(text(map, "name").orElse(""), position(node), text(map, "title"),
                text(map, "type"), scalar(map, "model"), scalar(map, "explore"), scalar(map, "field"),
                scalars(map, "listens_to_filters"), scalar(map, "default_value")));
    }

    /** Returns a mapping's entries by scalar key, or null when the node is not a mapping. */
    private static Map<String, NodeTuple> mapping(Node node) {
        if (!(node instanceof MappingNode mapping)) {
            return null;
        }
        Map<String, NodeTuple> map = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                map.putIfAbsent(key.getValue(), tuple);
            }
        }
        return map;
    }

    private Optional<Located> scalar(Map<String, NodeTuple> map, String key) {
        NodeTuple tuple = map.get(key);
        if (tuple == null) {
            return Optional.empty();
        }
        if (tuple.getValueNode() instanceof ScalarNode value) {
            return Optional.of(new Located(value.getValue(), position(value)));
        }
        wrongKind("`" + key + "`", tuple.getValueNode(), Shape.SINGLE);
        return Optional.empty();
    }

    private Optional<String> text(Map<String, NodeTuple> map, String key) {
        return scalar(map, key).map(Located::value);
    }

    private List<Node> sequence(Map<String, NodeTuple> map, String key) {
        NodeTuple tuple = map.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return List.of();
        }
        if (tuple.getValueNode() instanceof SequenceNode list) {
            return list.getValue();
        }
        wrongKind("`" + key + "`", tuple.getValueNode(), Shape.LIST);
        return List.of();
    }

    private List<Located> scalars(Map<String, NodeTuple> map, String key) {
        NodeTuple tuple = map.get(key);
        if (tuple == null) {
            return List.of();
        }
        if (tuple.getValueNode() instanceof ScalarNode one) {
            return one.getValue().isEmpty() ? List.of() : List.of(new Located(one.getValue(), position(one)));
        }
        List<Located> values = new ArrayList<>();
        for (Node item : sequence(map, key)) {
            if (item instanceof ScalarNode value) {
                values.add(new Located(value.getValue(), position(value)));
            } else {
                wrongKind("An item of `" + key + "`", item, Shape.SINGLE);
            }
        }
        return values;
    }

    private List<Binding> bindings(Map<String, NodeTuple> map, String key) {
        NodeTuple tuple = map.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return List.of();
        }
        // A merged-results element listens once per query: a list of such mappings.
        List<Node> mappings = tuple.getValueNode() instanceof SequenceNode list ? list.getValue()
                : List.of(tuple.getValueNode());
        List<Binding> bindings = new ArrayList<>();
        for (Node node : mappings) {
            if (!(node instanceof MappingNode mapping)) {
                // Once per key: `listen: [a, b]` is one mistake, not one per item.
                wrongKind("`" + key + "`", node, Shape.MAPPING);
                break;
            }
            for (NodeTuple entry : mapping.getValue()) {
                if (entry.getKeyNode() instanceof ScalarNode k && entry.getValueNode() instanceof ScalarNode v) {
                    bindings.add(new Binding(new Located(k.getValue(), position(k)),
                            new Located(v.getValue(), position(v))));
                } else if (entry.getKeyNode() instanceof ScalarNode k) {
                    wrongKind("`" + key + "`'s `" + k.getValue() + "`", entry.getValueNode(), Shape.SINGLE);
                }
            }
        }
        return bindings;
    }

    /** The kinds of value a known key takes, each with the hint that fixes a value of another. */
    private enum Shape {
        SINGLE("a single value", "a single value", "give it one value, such as `orders`"),
        LIST("a list", "a list", "write each item on its own `- ` line, or as `[a, b]`"),
        MAPPING("a mapping of names to values", "a mapping",
                "write one `name: value` per line, indented under the key");

        /** What a key of this shape must be. */
        final String wanted;
        /** What a value of this shape is. */
        final String found;
        final String hint;

        Shape(String wanted, String found, String hint) {
            this.wanted = wanted;
            this.found = found;
            this.hint = hint;
        }

        static Shape of(Node node) {
            return node instanceof SequenceNode ? LIST : node instanceof MappingNode ? MAPPING : SINGLE;
        }
    }

    /**
     * Reports a known key whose value has the wrong kind, which Looker refuses on deploy. Read
     * leniently, it vanished: {@code fields: {a: b}} or {@code elements: 5} checked cleanly, with
     * nothing under them checked at all.
     *
     * @param subject what the message names, as it opens a sentence: {@code `fields`}
     */
    private void wrongKind(String subject, Node value, Shape expected) {
        error(Code.DASHBOARD_SHAPE, position(value),
                subject + " must be " + expected.wanted + ", not " + Shape.of(value).found + ".", expected.hint);
    }

    /** Returns true for a key given no value ({@code elements:} or {@code elements: ~}). */
    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar
                && (scalar.getTag().equals(org.snakeyaml.engine.v2.nodes.Tag.NULL) || scalar.getValue().isEmpty());
    }

    /**
     * Reports every key that a mapping repeats, at the repeated key: YAML forbids it, and a reader
     * would silently take one of the two values.
     */
    private void reportDuplicateKeys(Node root) {
        record Item(Node node, int depth) {}
        List<Item> work = new ArrayList<>(List.of(new Item(root, 0)));
        java.util.Set<Node> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!work.isEmpty()) {
            Item item = work.remove(work.size() - 1);
            // Aliases share nodes; each is checked once, and depth is bounded like the plain walk.
            if (item.depth() > MAX_DEPTH || !seen.add(item.node())) {
                continue;
            }
            if (item.node() instanceof SequenceNode list) {
                list.getValue().forEach(n -> work.add(new Item(n, item.depth() + 1)));
            } else if (item.node() instanceof MappingNode mapping) {
                Map<String, Node> keys = new java.util.HashMap<>();
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("<<")
                            && key.getScalarStyle() == org.snakeyaml.engine.v2.common.ScalarStyle.PLAIN) {
                        // YAML 1.1's merge key, which Looker's loader applies and YAML 1.2 (this
                        // parser) reads as an ordinary key: what it merges would go unchecked.
                        diagnostics.add(Diagnostic.error(Code.DASHBOARD_SHAPE, position(key),
                                        "A YAML merge key (`<<`) is not read: the keys it would merge in"
                                                + " would not be checked.")
                                .withHint("write the keys out in this mapping; an anchor and alias of a"
                                        + " whole element (`*name`) still works"));
                    }
                    if (tuple.getKeyNode() instanceof ScalarNode key) {
                        Node first = keys.putIfAbsent(key.getValue(), key);
                        if (first != null) {
                            diagnostics.add(Diagnostic.error(Code.DASHBOARD_DUPLICATE_KEY, position(key),
                                            "Key `" + key.getValue() + "` is given twice in one mapping.")
                                    .withHint("remove one of them; YAML allows each key once")
                                    .withRelated(position(first), "it is first given here"));
                        }
                    }
                    work.add(new Item(tuple.getValueNode(), item.depth() + 1));
                }
            }
        }
    }

    /** Returns true when lists and mappings nest more than {@link #MAX_DEPTH} deep, walked without recursion. */
    private static boolean nestsTooDeep(Node root) {
        record Item(Node node, int depth) {}
        List<Item> work = new ArrayList<>(List.of(new Item(root, 0)));
        java.util.Set<Node> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!work.isEmpty()) {
            Item item = work.remove(work.size() - 1);
            if (!(item.node() instanceof SequenceNode || item.node() instanceof MappingNode) || !seen.add(item.node())) {
                continue;
            }
            if (item.depth() + 1 > MAX_DEPTH) {
                return true;
            }
            if (item.node() instanceof SequenceNode list) {
                list.getValue().forEach(n -> work.add(new Item(n, item.depth() + 1)));
            } else {
                ((MappingNode) item.node()).getValue().forEach(t -> work.add(new Item(t.getValueNode(), item.depth() + 1)));
            }
        }
        return false;
    }

    /** Returns where the YAML first nests deeper than {@link #MAX_DEPTH}, found without recursion. */
    private Position tooDeep(LoadSettings settings, String text) {
        int depth = 0;
        try {
            for (org.snakeyaml.engine.v2.events.Event event : new org.snakeyaml.engine.v2.api.lowlevel.Parse(settings)
                    .parseString(text)) {
                if (event instanceof org.snakeyaml.engine.v2.events.CollectionStartEvent) {
                    if (++depth > MAX_DEPTH) {
                        return event.getStartMark().map(this::position).orElse(Position.ofFile(path));
                    }
                } else if (event instanceof org.snakeyaml.engine.v2.events.CollectionEndEvent) {
                    depth--;
                }
            }
        } catch (YamlEngineException | StackOverflowError e) {
            // Fall through to the file's position.
        }
        return Position.ofFile(path);
    }

    /**
     * Returns where the file first aliases a list or mapping once more than the composer allows,
     * found with the event parser, whose error for it carries no position.
     */
    private Optional<Position> aliasBeyondLimit(LoadSettings settings, String text) {
        java.util.Set<String> collectionAnchors = new java.util.HashSet<>();
        int aliases = 0;
        try {
            for (org.snakeyaml.engine.v2.events.Event event : new org.snakeyaml.engine.v2.api.lowlevel.Parse(settings)
                    .parseString(text)) {
                if (event instanceof org.snakeyaml.engine.v2.events.CollectionStartEvent start) {
                    start.getAnchor().ifPresent(anchor -> collectionAnchors.add(anchor.getValue()));
                } else if (event instanceof org.snakeyaml.engine.v2.events.ScalarEvent scalar) {
                    // An anchor named again on a scalar no longer names a collection.
                    scalar.getAnchor().ifPresent(anchor -> collectionAnchors.remove(anchor.getValue()));
                } else if (event instanceof org.snakeyaml.engine.v2.events.AliasEvent alias
                        && collectionAnchors.contains(alias.getAlias().getValue())
                        && ++aliases > MAX_COLLECTION_ALIASES) {
                    return Optional.of(event.getStartMark().map(this::position).orElse(Position.ofFile(path)));
                }
            }
        } catch (YamlEngineException e) {
            // Not the alias limit, then: the caller reports the composer's own words.
        }
        return Optional.empty();
    }

    /** Returns a node as plain Java values: maps keep order, scalars stay strings, tags are dropped. */
    private static Object plain(Node node, int depth) {
        if (depth > MAX_DEPTH) {
            return "";
        }
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        } else if (node instanceof SequenceNode list) {
            List<Object> values = new ArrayList<>();
            list.getValue().forEach(n -> values.add(plain(n, depth + 1)));
            return Collections.unmodifiableList(values);
        } else if (node instanceof MappingNode mapping) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Object key = plain(tuple.getKeyNode(), depth + 1);
                map.put(key instanceof String s ? s : String.valueOf(key), plain(tuple.getValueNode(), depth + 1));
            }
            return Collections.unmodifiableMap(map);
        }
        return "";
    }

    private Position position(Node node) {
        return node.getStartMark().map(this::position).orElse(Position.ofFile(path));
    }

    private Position position(Mark mark) {
        return Position.of(path, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private void error(Code code, Position at, String message, String hint) {
        Diagnostic d = Diagnostic.error(code, at, message);
        diagnostics.add(hint == null ? d : d.withHint(hint));
    }
}
