package dev.storyc.check;

import dev.storyc.check.SqlLexer.Token;
import dev.storyc.check.SqlLexer.TokenKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds each table's column list from schema scripts applied in plan order: {@code CREATE TABLE}
 * with column definitions or {@code LIKE}, {@code CREATE TABLE AS} and views whose select list is
 * plain, {@code ALTER TABLE ... ADD / DROP / RENAME COLUMN}, {@code ALTER TABLE ... RENAME TO} and
 * {@code DROP TABLE / VIEW}. It is a pure function of an ordered list of scripts, so it serves a
 * story's single deploy.sql as well as an ordered list of later schema changes.
 *
 * <p>A table whose columns cannot be known (a {@code SELECT *}, an expression without an alias)
 * is kept with the reason, so a check can say so instead of guessing.
 */
final class ColumnCatalog {
    /** One schema script, in apply order: the story it belongs to, its path, its rendered SQL. */
    record Script(String story, String path, String sql) {}

    /**
     * A table's columns in order, or why they cannot be known; and the script that last shaped it.
     */
    record Columns(
            TableName table, List<String> names, Optional<String> unknownBecause, Script script) {
        boolean known() {
            return unknownBecause.isEmpty();
        }

        boolean has(String column) {
            return names.contains(column);
        }
    }

    private final Map<String, Columns> tables = new LinkedHashMap<>();

    private ColumnCatalog() {}

    /**
     * Applies the scripts in order and returns the tables that exist at the end, by {@link
     * TableName#key()}.
     */
    static Map<String, Columns> build(List<Script> scripts) {
        return build(scripts, script -> SqlLexer.statements(script.sql()));
    }

    /**
     * Applies the scripts in order, splitting each with {@code statements}, which lets a caller
     * that checks many environments reuse the split of a text it has seen.
     */
    static Map<String, Columns> build(
            List<Script> scripts,
            java.util.function.Function<Script, List<List<Token>>> statements) {
        ColumnCatalog catalog = new ColumnCatalog();
        for (Script script : scripts) {
            for (List<Token> statement : statements.apply(script)) {
                catalog.statement(statement, script);
            }
        }
        return Map.copyOf(catalog.tables);
    }

    /** Returns the columns of a table a reference means, if a script made it. */
    static Optional<Columns> lookup(Map<String, Columns> tables, TableName reference) {
        Columns exact = tables.get(reference.key());
        if (exact != null) {
            return Optional.of(exact);
        }
        return tables.values().stream().filter(c -> reference.refersTo(c.table())).findFirst();
    }

    private void statement(List<Token> tokens, Script script) {
        Cursor c = new Cursor(tokens);
        if (c.word("create")) {
            create(c, script);
        } else if (c.word("alter") && c.word("table")) {
            alter(c, script);
        } else if (c.word("drop")
                && (c.word("table") || c.word("view") || c.words("materialized", "view"))) {
            c.words("if", "exists");
            do {
                c.name().ifPresent(name -> remove(name));
            } while (c.punct(","));
        }
    }

    private void create(Cursor c, Script script) {
        c.words("or", "replace");
        if (c.word("temp") || c.word("temporary") || c.word("local")) {
            return;
        }
        c.word("external");
        boolean view = false;
        if (c.word("materialized")) {
            view = c.word("view");
        } else if (c.word("view")) {
            view = true;
        } else if (!c.word("table")) {
            return;
        }
        c.words("if", "not", "exists");
        Optional<TableName> name = c.name();
        if (name.isEmpty()) {
            return;
        }
        List<String> explicit = null;
        if (c.peekPunct("(")) {
            if (view) {
                explicit = c.identifierList();
            } else {
                definitions(c, name.get(), script);
                return;
            }
        }
        // CREATE TABLE x AS / CREATE VIEW x AS: skip options such as WITH (...) or BACKUP NO up to
        // AS
        while (!c.done() && !c.peekWord("as")) {
            c.skip();
        }
        if (!c.word("as")) {
            return;
        }
        if (explicit != null) {
            put(name.get(), explicit, null, script);
            return;
        }
        List<String> columns = new ArrayList<>();
        String unknown = selectList(c, columns);
        put(name.get(), columns, unknown, script);
    }

    /** Reads {@code (col type ..., CONSTRAINT ..., LIKE other)}. */
    private void definitions(Cursor c, TableName name, Script script) {
        c.punct("(");
        List<String> columns = new ArrayList<>();
        String unknown = null;
        while (!c.done() && !c.peekPunct(")")) {
            Token first = c.peek();
            if (first.isWord("like")) {
                c.skip();
                Optional<TableName> like = c.name();
                Optional<Columns> source = like.flatMap(l -> lookup(tables, l));
                if (source.isPresent() && source.get().known()) {
                    columns.addAll(source.get().names());
                } else {
                    unknown =
                            "it is created LIKE "
                                    + like.map(TableName::text).orElse("another table")
                                    + ", whose columns are not known";
                }
            } else if (!isConstraint(first)) {
                identifier(first).ifPresent(columns::add);
            }
            c.skipElement();
            c.punct(",");
        }
        put(name, columns, unknown, script);
    }

    private static boolean isConstraint(Token token) {
        for (String word :
                List.of(
                        "constraint",
                        "primary",
                        "unique",
                        "foreign",
                        "check",
                        "exclude",
                        "distkey",
                        "sortkey")) {
            if (token.isWord(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the outer select list of {@code [WITH ...] SELECT a, b AS c, t.d FROM ...}: each item's
     * alias, else the column it names. Returns why the list cannot be known, or null.
     */
    private static String selectList(Cursor c, List<String> into) {
        while (!c.done() && !c.peekWord("select")) {
            if (c.peekPunct("(")) {
                c.skipGroup();
            } else {
                c.skip();
            }
        }
        if (!c.word("select")) {
            return "its query is not a plain SELECT";
        }
        if (!c.word("distinct")) {
            c.word("all");
        }
        while (!c.done()) {
            List<Token> item = new ArrayList<>();
            int depth = 0;
            while (!c.done()) {
                Token t = c.peek();
                if (depth == 0
                        && (t.text().equals(",")
                                || t.isWord("from")
                                || t.isWord("into")
                                || t.isWord("where")
                                || t.isWord("union"))) {
                    break;
                }
                if (t.text().equals("(")) {
                    depth++;
                } else if (t.text().equals(")")) {
                    depth--;
                }
                item.add(t);
                c.skip();
            }
            Optional<String> column = itemName(item);
            if (column.isEmpty()) {
                String text = item.stream().map(Token::text).reduce("", (a, b) -> a + b);
                return text.endsWith("*")
                        ? "its select list has `" + text + "`"
                        : "its select list has `" + text + "` without a name (add AS name)";
            }
            into.add(column.get());
            if (!c.punct(",")) {
                break;
            }
        }
        return null;
    }

    /**
     * Returns the name a select item gives its column: {@code ... AS x}, {@code ... x}, {@code
     * t.x}, {@code x}.
     */
    private static Optional<String> itemName(List<Token> item) {
        if (item.isEmpty()) {
            return Optional.empty();
        }
        Token last = item.get(item.size() - 1);
        if (last.text().equals("*")) {
            return Optional.empty();
        }
        if (item.size() >= 2 && item.get(item.size() - 2).isWord("as")) {
            return identifier(last);
        }
        boolean plain = true;
        for (int i = 0; i < item.size(); i++) {
            boolean name =
                    i % 2 == 0
                            ? item.get(i).kind() != TokenKind.PUNCTUATION
                            : item.get(i).text().equals(".");
            plain &= name;
        }
        if (plain && item.size() % 2 == 1) {
            return identifier(last);
        }
        // An expression followed by a bare alias: `LOWER(x) y`, `count(*) n`.
        Token before = item.size() >= 2 ? item.get(item.size() - 2) : null;
        if (before != null
                && last.kind() != TokenKind.PUNCTUATION
                && (before.text().equals(")")
                        || before.kind() != TokenKind.PUNCTUATION && !before.text().equals("."))
                && !isKeyword(last)) {
            return identifier(last);
        }
        return Optional.empty();
    }

    private static boolean isKeyword(Token token) {
        for (String word : List.of("end", "null", "true", "false")) {
            if (token.isWord(word)) {
                return true;
            }
        }
        return false;
    }

    private void alter(Cursor c, Script script) {
        c.word("only");
        c.words("if", "exists");
        Optional<TableName> name = c.name();
        if (name.isEmpty()) {
            return;
        }
        Optional<Columns> existing = lookup(tables, name.get());
        if (c.word("rename")) {
            if (c.word("to")) {
                Optional<TableName> renamed = c.name();
                if (existing.isPresent() && renamed.isPresent()) {
                    remove(name.get());
                    TableName target =
                            renamed.get().schema().isPresent()
                                    ? renamed.get()
                                    : new TableName(
                                            withTable(
                                                    existing.get().table(), renamed.get().table()),
                                            renamed.get().text());
                    put(
                            target,
                            existing.get().names(),
                            existing.get().unknownBecause().orElse(null),
                            script);
                }
                return;
            }
            c.word("column");
            Optional<String> from = c.nextIdentifier();
            if (c.word("to") && existing.isPresent() && from.isPresent()) {
                Optional<String> to = c.nextIdentifier();
                List<String> names = new ArrayList<>(existing.get().names());
                int at = names.indexOf(from.get());
                if (at >= 0 && to.isPresent()) {
                    names.set(at, to.get());
                }
                put(
                        existing.get().table(),
                        names,
                        existing.get().unknownBecause().orElse(null),
                        script);
            }
            return;
        }
        if (existing.isEmpty()) {
            return;
        }
        Set<String> names = new LinkedHashSet<>(existing.get().names());
        do {
            if (c.word("add")) {
                c.word("column");
                c.words("if", "not", "exists");
                if (!c.peekWord("constraint")
                        && !c.peekWord("primary")
                        && !c.peekWord("unique")
                        && !c.peekWord("foreign")
                        && !c.peekWord("check")) {
                    c.nextIdentifier().ifPresent(names::add);
                }
            } else if (c.word("drop")) {
                c.word("column");
                c.words("if", "exists");
                if (!c.peekWord("constraint")) {
                    c.nextIdentifier().ifPresent(names::remove);
                }
            }
            while (!c.done() && !c.peekPunct(",")) {
                c.skipElement();
            }
        } while (c.punct(","));
        put(
                existing.get().table(),
                List.copyOf(names),
                existing.get().unknownBecause().orElse(null),
                script);
    }

    private static List<String> withTable(TableName name, String table) {
        List<String> parts = new ArrayList<>(name.parts());
        parts.set(parts.size() - 1, table);
        return parts;
    }

    private void put(TableName name, List<String> columns, String unknown, Script script) {
        remove(name);
        tables.put(
                name.key(),
                new Columns(
                        name,
                        List.copyOf(new LinkedHashSet<>(columns)),
                        Optional.ofNullable(unknown),
                        script));
    }

    private void remove(TableName name) {
        lookup(tables, name).ifPresent(existing -> tables.remove(existing.table().key()));
    }

    static Optional<String> identifier(Token token) {
        return switch (token.kind()) {
            case WORD -> Optional.of(token.text().toLowerCase(Locale.ROOT));
            case QUOTED_IDENTIFIER -> Optional.of(token.text());
            case PUNCTUATION -> Optional.empty();
        };
    }

    /** Reads a statement's tokens front to back. */
    static final class Cursor {
        private final List<Token> tokens;
        private int at;

        Cursor(List<Token> tokens) {
            this.tokens = tokens;
        }

        boolean done() {
            return at >= tokens.size();
        }

        Token peek() {
            return tokens.get(at);
        }

        void skip() {
            at++;
        }

        boolean peekWord(String word) {
            return !done() && peek().isWord(word);
        }

        boolean peekPunct(String punct) {
            return !done() && peek().kind() == TokenKind.PUNCTUATION && peek().text().equals(punct);
        }

        boolean word(String word) {
            if (peekWord(word)) {
                at++;
                return true;
            }
            return false;
        }

        /** Consumes the words only when all of them follow. */
        boolean words(String... words) {
            for (int i = 0; i < words.length; i++) {
                if (at + i >= tokens.size() || !tokens.get(at + i).isWord(words[i])) {
                    return false;
                }
            }
            at += words.length;
            return true;
        }

        boolean punct(String punct) {
            if (peekPunct(punct)) {
                at++;
                return true;
            }
            return false;
        }

        Optional<String> nextIdentifier() {
            if (done() || peek().kind() == TokenKind.PUNCTUATION) {
                return Optional.empty();
            }
            return identifier(tokens.get(at++));
        }

        /** Reads {@code [db.][schema.]name}. */
        Optional<TableName> name() {
            List<String> parts = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            while (!done() && peek().kind() != TokenKind.PUNCTUATION) {
                Token part = tokens.get(at++);
                parts.add(ColumnCatalog.identifier(part).orElseThrow());
                text.append(
                        part.kind() == TokenKind.QUOTED_IDENTIFIER
                                ? "\"" + part.text() + "\""
                                : part.text());
                if (parts.size() < 3 && peekPunct(".")) {
                    at++;
                    text.append('.');
                } else {
                    break;
                }
            }
            return parts.isEmpty()
                    ? Optional.empty()
                    : Optional.of(new TableName(parts, text.toString()));
        }

        /** Reads {@code (a, b, c)}. */
        List<String> identifierList() {
            List<String> names = new ArrayList<>();
            punct("(");
            while (!done() && !peekPunct(")")) {
                nextIdentifier().ifPresent(names::add);
                while (!done() && !peekPunct(",") && !peekPunct(")")) {
                    skipElement();
                }
                punct(",");
            }
            punct(")");
            return names;
        }

        /**
         * Skips a parenthesised group that starts here, up to and including its closing {@code )}.
         */
        void skipGroup() {
            int depth = 0;
            while (!done()) {
                Token t = tokens.get(at++);
                if (t.text().equals("(")) {
                    depth++;
                } else if (t.text().equals(")") && --depth == 0) {
                    return;
                }
            }
        }

        /**
         * Skips to (not past) the next {@code ,} or {@code )} at this depth, parenthesised groups
         * whole.
         */
        void skipElement() {
            int depth = 0;
            while (!done()) {
                Token t = peek();
                if (depth == 0 && (t.text().equals(",") || t.text().equals(")"))) {
                    return;
                }
                if (t.text().equals("(")) {
                    depth++;
                } else if (t.text().equals(")")) {
                    depth--;
                }
                at++;
            }
        }
    }
}
