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
 */
final class ParseCache {
    /** A parsed {@code .lkml} file: its model, its top-level keys and its syntax errors, at rendered positions. */
    record Lkml(LookmlFile model, List<Located> topLevelKeys, List<Diagnostic> diagnostics) {}

    /**
     * A parsed ETL job file, or its syntax errors, at rendered positions. The top-level values are
     * copied out once: tomlj parses a key string on every lookup.
     */
    record Toml(Optional<TomlDocument> document, Map<String, Object> values, List<Diagnostic> diagnostics) {}

    private final Map<String, Map<String, Lkml>> lkml = new HashMap<>();
    private final Map<String, Map<String, Toml>> toml = new HashMap<>();
    private final Map<String, Map<String, ParsedDashboards>> dashboards = new HashMap<>();
    private final Map<String, Map<String, List<SqlScanner.Created>>> created = new HashMap<>();
    private final Map<String, Map<String, Set<String>>> tokens = new HashMap<>();
    private final Map<String, Map<String, List<SqlTables.Use>>> sqlTables = new HashMap<>();
    private final Map<String, Map<String, List<List<SqlLexer.Token>>>> statements = new HashMap<>();

    Lkml lkml(String path, String text) {
        return get(lkml, path, text, (p, t) -> {
            ParsedFile parsed = Lookml.parse(p, t);
            List<Located> keys = parsed.tree().root().items().stream()
                    .map(item -> new Located(item.key(), item.keyPosition())).toList();
            return new Lkml(Lookml.model(parsed), keys, parsed.diagnostics());
        });
    }

    Toml toml(String path, String text) {
        return get(toml, path, text, (p, t) -> {
            Diagnostics syntax = new Diagnostics();
            Optional<TomlDocument> document = TomlDocument.parse(new SourceFile(p, t), Code.ETL_JOB_INVALID, syntax);
            return new Toml(document, document.map(d -> d.root().toMap()).orElse(Map.of()), syntax.all());
        });
    }

    ParsedDashboards dashboard(String path, String text) {
        return get(dashboards, path, text, Lookml::parseDashboard);
    }

    List<SqlScanner.Created> createdRelations(String path, String text) {
        return get(created, path, text, (p, t) -> SqlScanner.createdRelations(t));
    }

    /** Returns a SQL script's statements as tokens. */
    List<List<SqlLexer.Token>> statements(String path, String text) {
        return get(statements, path, text, (p, t) -> SqlLexer.statements(t));
    }

    /** Returns the tables a SQL script reads and writes. */
    List<SqlTables.Use> sqlTables(String path, String text) {
        return get(sqlTables, path, text, (p, t) -> SqlTables.uses(t));
    }

    /** Returns the distinct tokens of a file's text, as the isolation check splits it. */
    Set<String> tokens(String path, String text, Function<String, Set<String>> tokenizer) {
        return get(tokens, path, text, (p, t) -> tokenizer.apply(t));
    }

    private static <V> V get(Map<String, Map<String, V>> cache, String path, String text,
            BiFunction<String, String, V> parse) {
        return cache.computeIfAbsent(path, p -> new HashMap<>(4)).computeIfAbsent(text, t -> parse.apply(path, t));
    }
}
