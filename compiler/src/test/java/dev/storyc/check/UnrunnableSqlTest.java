package dev.storyc.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SQL that only psql, or only a session outside a transaction, could run: found at check time. */
class UnrunnableSqlTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ~ ", value = {
        "VACUUM ~ SELECT 1;\\nVACUUM ANALYZE t; ~ E0639 10 VACUUM",
        "CREATE DATABASE ~ create database x ~ E0639 0 create",
        "DROP TABLESPACE ~ DROP TABLESPACE t ~ E0639 0 DROP",
        "CREATE UNIQUE INDEX CONCURRENTLY ~ CREATE UNIQUE INDEX CONCURRENTLY i ON t (a) ~ E0639 0 CREATE",
        "DROP INDEX CONCURRENTLY ~ DROP INDEX CONCURRENTLY i ~ E0639 0 DROP",
        "REINDEX CONCURRENTLY ~ REINDEX TABLE CONCURRENTLY t ~ E0639 0 REINDEX",
        "ALTER SYSTEM ~ ALTER SYSTEM SET work_mem = '1GB' ~ E0639 0 ALTER",
        "psql \\set ~ \\set ON_ERROR_STOP on\\nSELECT 1; ~ E0640 0 \\",
        "psql \\i after a statement ~ SELECT 1;\\n\\i other.sql ~ E0640 10 \\",
        "a comment that never closes ~ SELECT 1; /* a /* nested */ comment ~ E0640 10 /*",
        "a string that never closes ~ SELECT 'it''s ~ E0640 7 '",
        "a quoted name that never closes ~ SELECT \"x ~ E0640 7 \"",
        "a dollar quote that never closes ~ DO $a$ BEGIN NULL; END $b$; ~ E0640 3 $a$",
        "REINDEX DATABASE ~ REINDEX DATABASE d ~ E0639 0 REINDEX",
        "CLUSTER alone ~ CLUSTER; ~ E0639 0 CLUSTER",
        "DETACH PARTITION CONCURRENTLY ~ ALTER TABLE t DETACH PARTITION p CONCURRENTLY ~ E0639 0 ALTER",
        "ALTER DATABASE SET TABLESPACE ~ ALTER DATABASE d SET TABLESPACE pg_default ~ E0639 0 ALTER",
        "CREATE SUBSCRIPTION ~ CREATE SUBSCRIPTION s CONNECTION 'x' PUBLICATION p ~ E0639 0 CREATE",
        "a psql variable ~ SELECT :'schema' ~ E0640 7 :",
        "a quoted psql variable ~ SELECT * FROM :\"table\" ~ E0640 14 :",
    })
    void findsWhatCannotRunAtItsFirstCharacter(String name, String sql, String expected) {
        assertThat(UnrunnableSql.find(sql.replace("\\n", "\n")))
                .extracting(f -> f.code().id() + " " + f.offset() + " " + f.shown())
                .containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ~ ", value = {
        "a plain index ~ CREATE INDEX i ON t (a)",
        "backslashes in strings and bodies ~ SELECT '\\d', E'\\'', $$ \\set $$, \"a\\b\" -- \\i x",
        "a word that only looks like one ~ SELECT vacuum, database FROM t; CREATE TABLE concurrently (x int)",
        "closed nested comments ~ /* a /* b */ c */ SELECT 1",
        "a DO block ~ DO $body$ BEGIN RAISE NOTICE 'x;'; END $body$;",
        "a backslash-escaped quote, as Redshift reads strings ~ COMMENT ON TABLE t IS 'it\\'s'",
        "casts and array slices ~ SELECT x::\"MyType\", a[1:n], b::text FROM t",
        "CLUSTER of one table ~ CLUSTER t USING i",
        "REINDEX of one table ~ REINDEX TABLE t",
    })
    void leavesRunnableSqlAlone(String name, String sql) {
        assertThat(UnrunnableSql.find(sql)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void namesTheStatementByItsKeywordsAlone() {
        assertThat(UnrunnableSql.find("DROP INDEX CONCURRENTLY IF EXISTS x")).singleElement()
                .extracting(UnrunnableSql.Finding::message).asString()
                .startsWith("`DROP INDEX CONCURRENTLY` cannot run inside a transaction");
        assertThat(UnrunnableSql.find("VACUUM analytics.s")).singleElement()
                .extracting(UnrunnableSql.Finding::message).asString().startsWith("`VACUUM` cannot run");
    }

    @org.junit.jupiter.api.Test
    void aTemplateIsReadWithItsTagsBlankedAndPositionsKept() {
        assertThat(UnrunnableSql.inTemplate("<%! don't forget %>\nSELECT * FROM <% env.warehouse.schema %>.t;"))
                .isEmpty();
        assertThat(UnrunnableSql.inTemplate("<% env.x %>;\nVACUUM <% env.warehouse.schema %>.t;"))
                .extracting(f -> f.code().id() + " " + f.offset()).containsExactly("E0639 13");
    }
}
