package dev.storyc.phi;

import java.util.Set;

/**
 * The words the column-flow analysis must tell from column names: SQL keywords that stand where a
 * column could ({@code CURRENT_DATE}, {@code YEAR} in {@code EXTRACT}), and the built-in functions
 * of PostgreSQL and Redshift whose value depends on their arguments alone.
 *
 * <p>A function outside {@link #FUNCTIONS} is one storyc does not understand: a user-defined
 * function may read any table, or need the raw value to mean anything, so a protected value
 * passed to it cannot be rewritten safely. The list is deliberately the documented built-ins, not
 * a guess at what users define.
 */
final class SqlWords {
    private SqlWords() {}

    /** Words that are never a column where an expression has a word. */
    static final Set<String> KEYWORDS = Set.of(
            "all", "and", "any", "array", "as", "asc", "at", "between", "both", "by", "case",
            "collate", "current", "current_date", "current_time", "current_timestamp",
            "current_user", "date", "day", "days", "default", "desc", "distinct", "dow", "doy",
            "else", "end", "epoch", "escape", "exists", "false", "filter", "first", "following",
            "for", "from", "group", "hour", "hours", "ilike", "in", "interval", "is", "isnull",
            "last", "leading", "like", "localtime", "localtimestamp", "minute", "minutes",
            "month", "months", "not", "notnull", "null", "nulls", "of", "or", "order", "over",
            "partition", "placing", "preceding", "quarter", "range", "row", "rows", "second",
            "seconds", "session_user", "similar", "some", "symmetric", "sysdate", "then", "time",
            "timestamp", "timestamptz", "to", "trailing", "true", "unbounded", "unknown", "user",
            "week", "when", "with", "within", "without", "year", "years", "zone");

    /** Built-in functions whose value depends only on their arguments. */
    static final Set<String> FUNCTIONS = Set.of(
            // conditional
            "coalesce", "nullif", "greatest", "least", "nvl", "nvl2", "decode",
            // strings
            "lower", "upper", "initcap", "trim", "btrim", "ltrim", "rtrim", "left", "right",
            "substring", "substr", "concat", "concat_ws", "length", "char_length",
            "character_length", "octet_length", "len", "replace", "translate", "reverse",
            "repeat", "lpad", "rpad", "split_part", "position", "strpos", "charindex",
            "regexp_replace", "regexp_substr", "regexp_count", "regexp_instr", "quote_literal",
            "quote_ident", "format", "md5", "sha1", "sha2", "func_sha1", "ascii", "chr",
            "to_hex", "overlay", "starts_with", "string_to_array", "array_to_string",
            // numbers
            "abs", "round", "floor", "ceil", "ceiling", "trunc", "mod", "power", "pow", "sqrt",
            "exp", "ln", "log", "sign", "div", "random",
            // dates
            "extract", "date_part", "date_trunc", "to_char", "to_date", "to_timestamp",
            "to_number", "now", "getdate", "age", "dateadd", "datediff", "date_add",
            "date_diff", "add_months", "months_between", "last_day", "make_date",
            "make_timestamp", "convert_timezone", "timezone",
            // casts
            "cast", "try_cast", "convert",
            // aggregates
            "count", "sum", "avg", "min", "max", "stddev", "stddev_samp", "stddev_pop",
            "variance", "var_samp", "var_pop", "median", "percentile_cont", "percentile_disc",
            "mode", "listagg", "string_agg", "array_agg", "bool_and", "bool_or", "every",
            "approximate", "bit_and", "bit_or",
            // windows
            "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag",
            "lead", "first_value", "last_value", "nth_value", "ratio_to_report",
            // json
            "json_extract_path_text", "json_extract_array_element_text", "to_json", "to_jsonb",
            "json_build_object", "jsonb_build_object");

    /** Set-returning built-ins that may stand in a FROM list. */
    static final Set<String> TABLE_FUNCTIONS = Set.of(
            "generate_series", "unnest", "json_array_elements", "jsonb_array_elements",
            "json_each", "jsonb_each", "regexp_split_to_table", "string_to_table");

    /**
     * Words after which a parenthesis does not call a function: {@code x IN (...)}, {@code
     * EXISTS (...)}, {@code OVER (...)}.
     */
    static final Set<String> PAREN_KEYWORDS = Set.of(
            "in", "exists", "any", "all", "some", "over", "filter", "within", "values", "array",
            "row", "as", "and", "or", "not", "then", "else", "when", "case", "is", "group");

    /** Words that end a select list, a FROM list or a query. */
    static final Set<String> CLAUSE_ENDS = Set.of(
            "from", "into", "where", "group", "having", "window", "order", "limit", "offset",
            "fetch", "union", "intersect", "except", "returning", "on", "for");

    /** Words that cannot be a table's alias in a FROM list. */
    static final Set<String> NOT_ALIASES = Set.of(
            "on", "using", "join", "inner", "left", "right", "full", "outer", "cross", "natural",
            "lateral", "where", "group", "having", "window", "order", "limit", "offset", "fetch",
            "union", "intersect", "except", "returning", "tablesample", "for", "set");
}
