package dev.storyc.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The relations a deploy.sql creates, as the table check sees them. */
class SqlScannerTest {
    static List<String> created(String sql) {
        return SqlScanner.createdRelations(sql).stream().map(c -> c.kind() + " " + c.name().key()).toList();
    }

    @Test
    void readsEveryShapeOfCreate() {
        assertThat(created("""
                CREATE TABLE analytics.a (id INT) DISTKEY(id) SORTKEY(id);
                create or replace view analytics.b as select 1 with no schema binding;
                CREATE MATERIALIZED VIEW analytics.c AUTO REFRESH YES AS SELECT 1;
                CREATE TABLE IF NOT EXISTS analytics.d (LIKE analytics.a);
                CREATE EXTERNAL TABLE spectrum.e (id INT) STORED AS PARQUET LOCATION 's3://x/';
                CREATE TABLE f (id INT);
                CREATE TABLE warehouse.analytics.g (id INT)
                """)).containsExactly("TABLE analytics.a", "VIEW analytics.b", "MATERIALIZED_VIEW analytics.c",
                "TABLE analytics.d", "TABLE spectrum.e", "TABLE f", "TABLE analytics.g");
    }

    @Test
    void foldsUnquotedNamesAndKeepsQuotedOnes() {
        assertThat(created("CREATE TABLE Analytics.\"Mixed \"\"Case\"\"\" (id INT);"))
                .containsExactly("TABLE analytics.Mixed \"Case\"");
    }

    @Test
    void ignoresCreateInCommentsStringsAndDollarQuotes() {
        assertThat(created("""
                -- CREATE TABLE analytics.line_comment (id INT);
                /* CREATE TABLE analytics.block /* nested */ CREATE TABLE analytics.still_comment (id INT); */
                INSERT INTO analytics.log VALUES ('; CREATE TABLE analytics.in_string (id INT);');
                INSERT INTO analytics.log VALUES (E'it\\'s; CREATE TABLE analytics.in_e_string (id INT);');
                CREATE FUNCTION analytics.f() RETURNS INT AS $body$ CREATE TABLE analytics.in_dollar (id INT); $body$
                  LANGUAGE sql;
                CREATE FUNCTION analytics.g() RETURNS INT AS $$ SELECT 1; CREATE TABLE analytics.in_dollar2 (x INT); $$
                  LANGUAGE sql;
                SELECT $1; CREATE TABLE analytics.real (id INT);
                """)).containsExactly("TABLE analytics.real");
    }

    @Test
    void skipsTemporaryTablesAndOtherStatements() {
        assertThat(created("""
                CREATE TEMP TABLE staging AS SELECT 1;
                CREATE TEMPORARY TABLE staging2 (id INT);
                CREATE SCHEMA IF NOT EXISTS analytics;
                CREATE INDEX i ON analytics.a (id);
                GRANT SELECT ON analytics.a TO GROUP looker;
                """)).isEmpty();
    }

    @Test
    void parsesReferencesAndMatchesThemAcrossSchemas() {
        TableName created = TableName.parse("analytics.claims").orElseThrow();
        assertThat(TableName.parse("ANALYTICS.Claims").orElseThrow().refersTo(created)).isTrue();
        assertThat(TableName.parse("claims").orElseThrow().refersTo(created)).isTrue();
        assertThat(TableName.parse("raw.claims").orElseThrow().refersTo(created)).isFalse();
        assertThat(TableName.parse("\"Analytics\".claims").orElseThrow().refersTo(created)).isFalse();
        assertThat(TableName.parse("${TABLE}")).isEmpty();
        assertThat(TableName.parse("(SELECT 1)")).isEmpty();
        assertThat(TableName.parse("a.b.c.d")).isEmpty();
    }
}
