package dev.storyc.check;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.SourceFile;
import dev.storyc.lookml.Lookml;
import dev.storyc.lookml.dashboard.ParsedDashboards;
import dev.storyc.lookml.model.Located;
import dev.storyc.lookml.model.LookmlFile;
import dev.storyc.lookml.syntax.ParsedFile;
import dev.storyc.toml.TomlDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Parses rendered LookML, dashboards, ETL jobs and deploy scripts once per distinct text. Most
 * files render to the same text in most environments (a dashboard names {@code env.model}, which
 * never changes), so a workspace checked across a dozen environments parses each such file once.
 * Entries are keyed by path, then text, so that no key string is built per lookup.
 *
 * <p>It keeps two environments' worth: what the current environment used and what the one before
 * it used. A file unchanged from one environment to the next is moved forward and parsed once;
 * a file only an older environment used is dropped. Keeping every environment's parses made
 * memory grow with the number of environments (1.3 GB live at 5,000 stories x 12), for no gain:
 * environments are checked in their file's order, which keeps alike ones together.
 */
final class ParseCache {
    /** A parsed {@code .lkml} file: its model, its top-level keys and its syntax errors, at rendered positions. */
    record Lkml(LookmlFile model, List<Located> topLevelKeys, List<Diagnostic> diagnostics) {}

    /**
     * A parsed ETL job file, or its syntax errors, at rendered positions. The top-level values are
     * copied out once: tomlj parses a key string on every lookup.
     */
    record Toml(Optional<TomlDocument> document, Map<String, Object> values, List<Diagnostic> diagnostics) {}

    /** The parses of one environment, each kind by path, then text. */
    private static final class Generation {
        final Map<String, Map<String, Lkml>> lkml = new HashMap<>();
        final Map<String, Map<String, Toml>> toml = new HashMap<>();
        final Map<String, Map<String, ParsedDashboards>> dashboards = new HashMap<>();
        final Map<String, Map<String, List<SqlScanner.Created>>> created = new HashMap<>();
        final Map<String, Map<String, Set<String>>> tokens = new HashMap<>();
        final Map<String, Map<String, List<SqlTables.Use>>> sqlTables = new HashMap<>();
        final Map<String, Map<String, List<List<SqlLexer.Token>>>> statements = new HashMap<>();
    }

    /** Token texts, shared across scripts and environments; see {@link #statements}. */
    private final Map<String, String> words = new HashMap<>();

    private Generation current = new Generation();
    private Generation previous = new Generation();

    /** Starts the next environment: what the last one used stays, anything older goes. */
    void nextEnvironment() {
        previous = current;
        current = new Generation();
    }

    /** Drops every parse, for a checker whose environments are all checked. */
    void clear() {
        previous = new Generation();
        current = new Generation();
    }

    Lkml lkml(String path, String text) {
        return get(g -> g.lkml, path, text, (p, t) -> {
            ParsedFile parsed = Lookml.parse(p, t);
            List<Located> keys = parsed.tree().root().items().stream()
                    .map(item -> new Located(item.key(), item.keyPosition())).toList();
            return new Lkml(Lookml.model(parsed), keys, parsed.diagnostics());
        });
    }

    Toml toml(String path, String text) {
        return get(g -> g.toml, path, text, (p, t) -> {
            Diagnostics syntax = new Diagnostics();
            Optional<TomlDocument> document = TomlDocument.parse(new SourceFile(p, t), Code.ETL_JOB_INVALID, syntax);
            return new Toml(document, document.map(d -> d.root().toMap()).orElse(Map.of()), syntax.all());
        });
    }

    ParsedDashboards dashboard(String path, String text) {
        return get(g -> g.dashboards, path, text, Lookml::parseDashboard);
    }

    List<SqlScanner.Created> createdRelations(String path, String text) {
        return get(g -> g.created, path, text, (p, t) -> SqlScanner.createdRelations(t));
    }

    /**
     * Returns a SQL script's statements as tokens, each token's text shared with every equal one
     * this cache has seen: the same keywords and names recur in every script, and 1.5 million
     * token texts were a tenth of what a compile of 5,000 stories held.
     */
    List<List<SqlLexer.Token>> statements(String path, String text) {
        return get(g -> g.statements, path, text, (p, t) -> shared(SqlLexer.statements(t)));
    }

    private List<List<SqlLexer.Token>> shared(List<List<SqlLexer.Token>> statements) {
        List<List<SqlLexer.Token>> shared = new ArrayList<>(statements.size());
        for (List<SqlLexer.Token> statement : statements) {
            List<SqlLexer.Token> tokens = new ArrayList<>(statement.size());
            for (SqlLexer.Token token : statement) {
                tokens.add(new SqlLexer.Token(token.kind(),
                        words.computeIfAbsent(token.text(), Function.identity()), token.offset(),
                        token.end()));
            }
            shared.add(List.copyOf(tokens));
        }
        return List.copyOf(shared);
    }

    /** Returns the tables a SQL script reads and writes. */
    List<SqlTables.Use> sqlTables(String path, String text) {
        return get(g -> g.sqlTables, path, text, (p, t) -> SqlTables.uses(t));
    }

    /** Returns the distinct tokens of a file's text, as the isolation check splits it. */
    Set<String> tokens(String path, String text, Function<String, Set<String>> tokenizer) {
        return get(g -> g.tokens, path, text, (p, t) -> tokenizer.apply(t));
    }

    private <V> V get(Function<Generation, Map<String, Map<String, V>>> kind, String path,
            String text, BiFunction<String, String, V> parse) {
        Map<String, V> now = kind.apply(current).computeIfAbsent(path, p -> new HashMap<>(4));
        V known = now.get(text);
        if (known == null) {
            Map<String, V> before = kind.apply(previous).get(path);
            known = before == null ? null : before.get(text);
            if (known == null) {
                known = parse.apply(path, text);
            }
            now.put(text, known);
        }
        return known;
    }
}
