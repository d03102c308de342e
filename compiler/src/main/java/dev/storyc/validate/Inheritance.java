package dev.storyc.validate;

import dev.storyc.lookml.model.Explore;
import dev.storyc.lookml.model.Field;
import dev.storyc.lookml.model.Join;
import dev.storyc.lookml.model.Located;
import dev.storyc.lookml.model.View;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Views and explores with what they inherit through {@code extends}, as Looker builds them before
 * it writes a query: the parents in the order listed, each later one overriding the earlier, then
 * the object's own parameters. A field the child redefines keeps what it does not say from the
 * parent's field, and {@code ${EXTENDED}} in its SQL is the parent's SQL. An extending explore
 * inherits its parents' base view and joins.
 *
 * <p>Without it the live validator ran an inherited field only under its {@code extension:
 * required} parent, over a table named after that parent, which does not exist, and never over
 * the extending view's real table; and it took {@code ${EXTENDED}} and an inherited join for
 * names that did not exist.
 */
final class Inheritance {
    private Inheritance() {}

    /** Returns the views with what they inherit, by name, in the order given. */
    static Map<String, View> views(Map<String, View> declared) {
        Map<String, View> resolved = new LinkedHashMap<>();
        declared.keySet().forEach(name -> view(name, declared, resolved, new HashSet<>()));
        Map<String, View> inOrder = new LinkedHashMap<>();
        declared.keySet().forEach(name -> inOrder.put(name, resolved.get(name)));
        return inOrder;
    }

    private static View view(String name, Map<String, View> declared, Map<String, View> resolved,
            Set<String> visiting) {
        View done = resolved.get(name);
        if (done != null) {
            return done;
        }
        View own = declared.get(name);
        if (own.extendsViews().isEmpty() || !visiting.add(name)) {
            // A cycle is check's error (E0603); here the view keeps what it says itself.
            resolved.put(name, own);
            return own;
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        Optional<Located> table = Optional.empty();
        Optional<dev.storyc.lookml.model.DerivedTable> derived = Optional.empty();
        for (Located parentName : own.extendsViews()) {
            View parent = declared.containsKey(parentName.value())
                    ? view(parentName.value(), declared, resolved, visiting) : null;
            if (parent == null) {
                continue;
            }
            parent.fields().forEach(field -> fields.put(field.name(), field));
            if (parent.sqlTableName().isPresent() || parent.derivedTable().isPresent()) {
                table = parent.sqlTableName();
                derived = parent.derivedTable();
            }
        }
        for (Field field : own.fields()) {
            Field inherited = fields.remove(field.name());
            fields.put(field.name(), inherited == null ? field : merged(inherited, field));
        }
        if (own.sqlTableName().isPresent() || own.derivedTable().isPresent()) {
            table = own.sqlTableName();
            derived = own.derivedTable();
        }
        View view = new View(own.name(), own.position(), false, own.extendsViews(), own.extensionRequired(),
                table, derived, List.copyOf(fields.values()), own.sets(), own.usages());
        resolved.put(name, view);
        return view;
    }

    /** A field the child redefines: what it says wins, what it leaves out is the parent's. */
    private static Field merged(Field parent, Field child) {
        if (child.kind() != parent.kind()) {
            return child;
        }
        Optional<Located> sql = child.sql()
                .map(own -> new Located(own.value().replace("${EXTENDED}",
                        parent.sql().map(Located::value).orElse("")), own.position()))
                .or(parent::sql);
        return new Field(child.kind(), child.name(), child.position(), child.type().or(parent::type),
                child.datatype().or(parent::datatype), sql,
                child.timeframes().isEmpty() ? parent.timeframes() : child.timeframes(), child.hidden());
    }

    /** Returns the explores with the base view and joins they inherit, in the order given. */
    static List<Explore> explores(List<Explore> declared) {
        Map<String, Explore> byName = new LinkedHashMap<>();
        declared.forEach(explore -> byName.putIfAbsent(explore.name(), explore));
        Map<String, Explore> resolved = new LinkedHashMap<>();
        List<Explore> all = new ArrayList<>();
        declared.forEach(explore -> all.add(explore.extendsExplores().isEmpty() ? explore
                : explore(explore, byName, resolved, new HashSet<>())));
        return all;
    }

    private static Explore explore(Explore own, Map<String, Explore> byName, Map<String, Explore> resolved,
            Set<String> visiting) {
        Explore done = resolved.get(own.name());
        if (done != null && byName.get(own.name()) == own) {
            return done;
        }
        if (own.extendsExplores().isEmpty() || !visiting.add(own.name())) {
            return own;
        }
        Map<String, Join> joins = new LinkedHashMap<>();
        Optional<Located> viewName = Optional.empty();
        Optional<Located> from = Optional.empty();
        List<Located> fields = List.of();
        for (Located parentName : own.extendsExplores()) {
            Explore parent = byName.get(parentName.value());
            if (parent == null) {
                continue;
            }
            parent = explore(parent, byName, resolved, visiting);
            parent.joins().forEach(join -> joins.put(join.name(), join));
            if (parent.viewName().isPresent()) {
                viewName = parent.viewName();
            }
            if (parent.from().isPresent()) {
                from = parent.from();
            }
            if (!parent.fields().isEmpty()) {
                fields = parent.fields();
            }
        }
        own.joins().forEach(join -> {
            joins.remove(join.name());
            joins.put(join.name(), join);
        });
        Explore explore = new Explore(own.name(), own.position(), false,
                own.viewName().isPresent() ? own.viewName() : viewName,
                own.from().isPresent() ? own.from() : from,
                own.extendsExplores(), own.extensionRequired(), List.copyOf(joins.values()),
                own.fields().isEmpty() ? fields : own.fields(), own.usages());
        resolved.put(own.name(), explore);
        return explore;
    }
}
