package dev.storyc.config;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for a name storyc and every story's SQL write unquoted, such as
 * {@code warehouse.schema} in {@code CREATE TABLE <% env.warehouse.schema %>.visits}: lower case
 * letters, digits and underscores, at most 63 characters (PostgreSQL cuts longer names), and not
 * a reserved word. A reserved word would pass every check and then be a syntax error on the
 * database, in every script, at apply time.
 *
 * <p>The reserved words are written out here rather than asked of a server, because check runs
 * offline. They are the union of two published lists, since an environment may change engine:
 * the words PostgreSQL 15 reports in {@code pg_get_keywords()} with category R or T (those that
 * cannot name a schema unquoted), and Amazon Redshift's "Reserved words" page.
 */
final class SqlIdentifiers {
    static final int MAX_LENGTH = 63;

    private static final Pattern SHAPE = Pattern.compile("[a-z_][a-z0-9_]*");

    private static final Set<String> RESERVED = Set.of((
            // PostgreSQL 15: pg_get_keywords() where catcode in ('R', 'T')
            "all analyse analyze and any array as asc asymmetric authorization binary both case cast"
            + " check collate collation column concurrently constraint create cross current_catalog"
            + " current_date current_role current_schema current_time current_timestamp current_user"
            + " default deferrable desc distinct do else end except false fetch for foreign freeze from"
            + " full grant group having ilike in initially inner intersect into is isnull join lateral"
            + " leading left like limit localtime localtimestamp natural not notnull null offset on only"
            + " or order outer overlaps placing primary references returning right select session_user"
            + " similar some symmetric table tablesample then to trailing true union unique user using"
            + " variadic verbose when where window with"
            // Amazon Redshift's reserved words that PostgreSQL does not reserve
            + " aes128 aes256 allowoverwrite az64 backup between blanksasnull bytedict bzip2 credentials"
            + " current_user_id deflate defrag delta delta32k disable emptyasnull enable encode encrypt"
            + " encryption explicit globaldict256 globaldict64k gzip identity ignore interval"
            + " lun luns lzo lzop minus mostly16 mostly32 mostly8 new nulls off offline oid old open"
            + " parallel partition percent permissions pivot raw readratio recover rejectlog resort"
            + " respect restore snapshot sysdate system tag tdes text255 text32k timestamp top"
            + " truncatecolumns unnest unpivot wallet without").split(" "));

    private SqlIdentifiers() {}

    /** Returns what is wrong with {@code name} as an unquoted SQL name, or empty when nothing is. */
    static Optional<String> problem(String name) {
        if (!SHAPE.matcher(name).matches()) {
            return Optional.of("which is not lower case letters, digits and underscores, starting with a letter or"
                    + " an underscore");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("which is " + name.length() + " characters long; the database keeps only "
                    + MAX_LENGTH);
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            return Optional.of("a word SQL reserves, which every script would have to quote");
        }
        return Optional.empty();
    }
}
