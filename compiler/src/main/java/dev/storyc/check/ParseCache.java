package dev.storyc.check;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.SourceFile;
import dev.storyc.etl.SqlScript;
import dev.storyc.etl.SqlStatement;
import dev.storyc.lookml.Lookml;
import dev.storyc.lookml.dashboard.ParsedDashboards;
import dev.storyc.lookml.dashboard.ParsedDashboardsCodec;
import dev.storyc.lookml.model.Located;
import dev.storyc.lookml.model.LookmlFile;
import dev.storyc.lookml.syntax.ParsedFile;
import dev.storyc.toml.TomlDocument;
import dev.storyc.workspace.Sha256;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Parses rendered LookML, dashboards, ETL jobs and deploy scripts once per distinct text. Most
 * files render to the same text in most environments (a dashboard names {@code env.model}, which
 * never changes), so a workspace checked across a dozen environments parses each such file once.
 *
 * <p>One cache serves every compiler of a workspace version, on every job's thread: two jobs
 * checking two environments at once would otherwise parse the same files twice and hold them
 * twice. A text being parsed by one job is waited for by the other, not parsed again.
 *
 * <p>Each environment's lookups ({@link #begin}) keep what they use alive; what only environments
 * before the one before the oldest still running used is dropped. Checked one at a time, that is
 * what the current and the previous environment used: a file unchanged from one environment to
 * the next is parsed once, and one only an older environment used is dropped. Keeping every
 * environment's parses made memory grow with the number of environments (1.3 GB live at 5,000
 * stories x 12), for no gain: environments are checked in their file's order, which keeps alike
 * ones together. Which entries survive depends on scheduling; what a lookup returns never does,
 * since a parse is a function of its path and text.
 *
 * <p>Dashboards are also remembered across runs ({@link ParseMemo}), since YAML is the slowest of
 * these parses on a cold JVM and a developer's next run finds almost every dashboard unchanged.
 */
final class ParseCache {
    /** A parsed {@code .lkml} file: its model, its top-level keys and its syntax errors, at rendered positions. */
    record Lkml(LookmlFile model, List<Located> topLevelKeys, List<Diagnostic> diagnostics) {}

    /**
     * A parsed ETL job file, or its syntax errors, at rendered positions. The top-level values are
     * copied out once: tomlj parses a key string on every lookup.
     */
    record Toml(Optional<TomlDocument> document, Map<String, Object> values, List<Diagnostic> diagnostics) {}

    /** What a text is parsed as; each kind's value has its own type. */
    private enum Kind { LKML, TOML, DASHBOARD, CREATED, TOKENS, SQL_TABLES, REVERT, COLUMNS, TRANSACTION_CONTROL, UNRUNNABLE, ETL_STATEMENTS }

    /**
     * A text, or for {@link Kind#COLUMNS} a list of scripts, with its path. A text is rendered once
     * per environment and interned, so its hash is computed once.
     */
    private record Key(Kind kind, String path, Object input) {}

    /** A parse, and the last environment that used it. */
    private static final class Entry {
        final Object value;
        final AtomicLong lastUse;

        Entry(Object value, long ticket) {
            this.value = value;
            this.lastUse = new AtomicLong(ticket);
        }
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong tickets = new AtomicLong();
    /** The environments whose lookups are open, by ticket. */
    private final ConcurrentSkipListSet<Long> running = new ConcurrentSkipListSet<>();
    private final ParseMemo memo;

    /** Returns a cache that remembers nothing across runs. */
    ParseCache() {
        this(ParseMemo.NONE);
    }

    /** Returns a cache that recalls and remembers dashboards' parses in {@code memo}. */
    ParseCache(ParseMemo memo) {
        this.memo = memo;
    }

    /**
     * Starts one environment's lookups, dropping what no environment from the one before the
     * oldest still running has used; {@link Lookups#close} ends them.
     */
    Lookups begin() {
        long ticket = tickets.incrementAndGet();
        running.add(ticket);
        long keepFrom = running.first() - 1;
        entries.values().removeIf(entry -> entry.lastUse.get() < keepFrom);
        return new Lookups(ticket);
    }

    /** Drops every parse, for a checker whose environments are all checked. */
    void clear() {
        entries.clear();
    }

    /** One environment's lookups: each parse it uses stays for the next environment. */
    final class Lookups implements AutoCloseable {
        private final long ticket;

        private Lookups(long ticket) {
            this.ticket = ticket;
        }

        /**
         * Parses, ahead of the structural checks, what they ask of each of {@code files}, on every
         * processor: the checks then find the parses done.
         *
         * <p>Parsing is most of a check, and a check ran on one thread: a developer compiling
         * their own environment left the second processor idle while 9,000 files were parsed, and
         * two environments checked at once moved in lockstep, one parsing while the other waited
         * for that very file (1.6 s each to check after a one-story edit at 1,000 stories, against
         * 1.2 s for one alone). The JDK's parallel stream splits the files between this thread and
         * its common pool. What a lookup returns does not depend on who parsed it first.
         *
         * <p>A parse runs inside {@code computeIfAbsent}, holding its key's bin, so a parser must
         * never start parallel work or look up another parse: a pool thread that helped with
         * other tasks while it waited could then ask for a bin it holds itself.
         */
        void prefetch(List<CheckedFile> files) {
            files.parallelStream().forEach(this::parseFor);
        }

        /** Parses what the structural checks ask of one file. */
        private void parseFor(CheckedFile file) {
            switch (file.file().kind()) {
                case VIEW, EXPLORE -> lkml(file.path(), file.text());
                case DASHBOARD -> dashboard(file.path(), file.text());
                case SCHEMA_DEPLOY -> createdRelations(file.path(), file.text());
                case SCHEMA_REVERT -> revert(file.path(), file.text());
                case ETL_JOB -> toml(file.path(), file.text());
                case ETL_SQL -> sqlTables(file.path(), file.text());
                case SCHEMA_VERIFY, TEST_SQL -> { }
            }
        }

        Lkml lkml(String path, String text) {
            return get(Kind.LKML, path, text, (p, t) -> {
                ParsedFile parsed = Lookml.parse(p, t);
                List<Located> keys = parsed.tree().root().items().stream()
                        .map(item -> new Located(item.key(), item.keyPosition())).toList();
                return new Lkml(Lookml.model(parsed), keys, parsed.diagnostics());
            });
        }

        Toml toml(String path, String text) {
            return get(Kind.TOML, path, text, (p, t) -> {
                Diagnostics syntax = new Diagnostics();
                Optional<TomlDocument> document = TomlDocument.parse(new SourceFile(p, t), Code.ETL_JOB_INVALID, syntax);
                return new Toml(document, document.map(d -> d.root().toMap()).orElse(Map.of()), syntax.all());
            });
        }

        ParsedDashboards dashboard(String path, String text) {
            return get(Kind.DASHBOARD, path, text, (p, t) -> {
                String key = Sha256.parts().add("parsed-dashboards-1").add(p).add(t).hex();
                Optional<ParsedDashboards> known = memo.recall(key)
                        .flatMap(ParsedDashboardsCodec::decode)
                        .filter(parsed -> parsed.path().equals(p));
                if (known.isPresent()) {
                    return known.get();
                }
                ParsedDashboards parsed = Lookml.parseDashboard(p, t);
                memo.remember(key, ParsedDashboardsCodec.encode(parsed));
                return parsed;
            });
        }

        List<SqlScanner.Created> createdRelations(String path, String text) {
            return get(Kind.CREATED, path, text, (p, t) -> SqlScanner.createdRelations(t));
        }

        /** Returns what a revert script drops. */
        RevertScripts.Drops revert(String path, String text) {
            return get(Kind.REVERT, path, text, (p, t) -> RevertScripts.Drops.of(t));
        }

        /**
         * Returns the tables that schema scripts applied in order make. Environments usually render
         * the same scripts, so the catalog is built once for all of them rather than once each, and
         * no script's tokens are kept: at 5,000 stories they were 795,000 tokens, a tenth of a
         * compile's peak memory.
         */
        ColumnTables columns(List<ColumnCatalog.Script> scripts) {
            List<ColumnCatalog.Script> key = List.copyOf(scripts);
            return get(Kind.COLUMNS, "", key, (p, k) -> ColumnCatalog.build(key));
        }

        /** Returns the tables a SQL script reads and writes. */
        List<SqlTables.Use> sqlTables(String path, String text) {
            return get(Kind.SQL_TABLES, path, text, (p, t) -> SqlTables.uses(t));
        }

        /** Returns the statements of a script that end or start a transaction. */
        List<SqlLexer.Token> transactionControl(String path, String text) {
            return get(Kind.TRANSACTION_CONTROL, path, text, (p, t) -> TransactionScripts.transactionControl(t));
        }

        /**
         * Returns an ETL script's statements, which decide both whether it is a query and whether
         * it throws a query's rows away: split once for every job and environment that runs it.
         */
        List<SqlStatement> etlStatements(String path, String text) {
            return get(Kind.ETL_STATEMENTS, path, text, SqlScript::statements);
        }

        /** Returns what in a script's template cannot run inside the transaction storyc runs it in. */
        List<UnrunnableSql.Finding> unrunnable(String path, String text) {
            return get(Kind.UNRUNNABLE, path, text, (p, t) -> UnrunnableSql.inTemplate(t));
        }

        /** Returns the distinct tokens of a file's text, as the isolation check splits it. */
        Set<String> tokens(String path, String text, Function<String, Set<String>> tokenizer) {
            return get(Kind.TOKENS, path, text, (p, t) -> tokenizer.apply(t));
        }

        /** Ends this environment's lookups: what it used stays for the next one. */
        @Override
        public void close() {
            running.remove(ticket);
        }

        @SuppressWarnings("unchecked") // each kind is only ever stored with its own value type
        private <I, V> V get(Kind kind, String path, I input, BiFunction<String, I, V> parse) {
            // computeIfAbsent parses under the key's lock, so a job that needs a text another job
            // is parsing waits for that parse instead of repeating it.
            Entry entry = entries.computeIfAbsent(new Key(kind, path, input),
                    key -> new Entry(parse.apply(path, input), ticket));
            entry.lastUse.accumulateAndGet(ticket, Math::max);
            return (V) entry.value;
        }
    }
}
