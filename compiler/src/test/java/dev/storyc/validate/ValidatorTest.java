package dev.storyc.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.db.Engine;
import dev.storyc.db.JdbcSqlExecutor;
import dev.storyc.db.Secret;
import dev.storyc.db.Timeouts;
import dev.storyc.db.WarehouseTarget;
import dev.storyc.diag.Diagnostic;
import dev.storyc.testing.PostgresServer;
import java.sql.Connection;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The validator on a real PostgreSQL: k failing fields among n cost about k more queries, each
 * failure is reported at its field with the server's message, and a broken join is blamed on the
 * join, not on every field behind it.
 */
class ValidatorTest {
    static String view(int fields, int... broken) {
        StringBuilder text = new StringBuilder("view: wide {\n  sql_table_name: shop.wide ;;\n");
        for (int i = 0; i < fields; i++) {
            String column = "c" + i;
            for (int b : broken) {
                column = b == i ? "missing_" + i : column;
            }
            text.append("  dimension: d")
                    .append(i)
                    .append(" {\n    sql: ${TABLE}.")
                    .append(column)
                    .append(" ;;\n  }\n");
        }
        text.append("  dimension: other_id {\n    sql: ${TABLE}.c0 ;;\n  }\n");
        return text.append(
                        "}\n"
                            + "view: other {\n"
                            + "  sql_table_name: shop.other ;;\n"
                            + "  dimension: id {\n"
                            + "    sql: ${TABLE}.id ;;\n"
                            + "  }\n"
                            + "}\n")
                .toString();
    }

    static final String EXPLORE =
            "explore: wide {\n  join: other {\n    sql_on: ${wide.other_id} = ${other.id}"
                    + " AND other.gone = 1 ;;\n  }\n}\n";

    /** The hint follows what failed: it said a column was dropped whatever failed (round 13). */
    @Test
    void aFailedFieldsHintFollowsItsSqlState() {
        assertThat(Validator.fieldHint("42703")).contains("dropped or renamed");
        assertThat(Validator.fieldHint("42883")).contains("function's or operator's name")
                .doesNotContain("dropped");
        assertThat(Validator.fieldHint("42804")).contains("types do not fit");
        assertThat(Validator.fieldHint("XX000")).contains("run the field's SQL");
    }

    @Test
    void findsEachBrokenFieldWithOneQueryMoreEachAndBlamesTheJoin() throws Exception {
        PostgresServer server = PostgresServer.shared();
        try (PostgresServer.Database database = server.createDatabase("validator")) {
            StringBuilder columns = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                columns.append(i == 0 ? "" : ", ").append("c").append(i).append(" INTEGER");
            }
            database.execute(
                    "CREATE SCHEMA shop; CREATE TABLE shop.wide ("
                            + columns
                            + ");"
                            + " CREATE TABLE shop.other (id INTEGER)");
            LookmlProject project =
                    LookmlProject.of(
                            Map.of(
                                    "views/wide.view.lkml",
                                    view(200, 17, 120, 121),
                                    "explores/wide.explore.lkml",
                                    EXPLORE));
            WarehouseTarget target =
                    new WarehouseTarget(
                            "test",
                            Engine.POSTGRES,
                            "127.0.0.1",
                            server.port(),
                            database.name(),
                            "shop",
                            "storyc",
                            PostgresServer.USER,
                            Optional.of(new Secret(PostgresServer.PASSWORD, "${env:X}")),
                            Optional.empty(),
                            Timeouts.DEFAULT);
            ValidationResult batched;
            ValidationResult naive;
            try (Connection connection = database.connect()) {
                batched =
                        Validator.run(
                                ValidationPlanner.plan(project),
                                new JdbcSqlExecutor(connection, target));
                naive =
                        Validator.runEach(
                                ValidationPlanner.perField(project),
                                new JdbcSqlExecutor(connection, target));
            }

            assertThat(batched.diagnostics())
                    .extracting(d -> d.code().id() + " " + d.position().line())
                    .containsExactlyInAnyOrder(
                            "E0921 " + (3 + 3 * 17 + 1),
                            "E0921 " + (3 + 3 * 120 + 1),
                            "E0921 " + (3 + 3 * 121 + 1),
                            "E0922 3");
            assertThat(batched.diagnostics()).filteredOn(d -> d.code().id().equals("E0922"))
                    .as("at the token the server blamed, not the start of sql_on")
                    .extracting(d -> d.position().toString())
                    .containsExactly("explores/wide.explore.lkml:3:48");
            assertThat(batched.diagnostics())
                    .filteredOn(d -> d.code().id().equals("E0921"))
                    .extracting(Diagnostic::message)
                    .anySatisfy(
                            m ->
                                    assertThat(m)
                                            .contains("wide.d17")
                                            .contains("column wide.missing_17 does not exist"));
            assertThat(batched.diagnostics())
                    .filteredOn(d -> d.code().id().equals("E0922"))
                    .singleElement()
                    .extracting(Diagnostic::message)
                    .asString()
                    .contains("join `other` of explore `wide`")
                    .contains("column other.gone does not exist");
            // Two view batches (the select list holds at most 400 fields; this view has 201 in
            // one),
            // the explore batch for the join, the view of `other`: 3 batches in one round trip,
            // then halving to the failing ones, then one query per broken field.
            assertThat(batched.queries()).isLessThan(15);
            assertThat(batched.roundTrips()).isLessThan(10);
            assertThat(naive.queries()).isEqualTo(202);
            assertThat(naive.diagnostics())
                    .as("behind a broken join, one query per field finds only the join")
                    .extracting(d -> d.code().id())
                    .containsExactly("E0922");
        }
    }

    @Test
    void aMaterializedViewNeverRefreshedIsTheTablesProblemNotAFields() throws Exception {
        PostgresServer server = PostgresServer.shared();
        try (PostgresServer.Database database = server.createDatabase("validator_mv")) {
            database.execute("CREATE SCHEMA shop; CREATE MATERIALIZED VIEW shop.product_mv AS"
                    + " SELECT 1 AS sku, 2 AS price WITH NO DATA; CREATE TABLE shop.orders (id INT);"
                    + " CREATE MATERIALIZED VIEW shop.order_stats AS SELECT 1 AS n WITH NO DATA");
            LookmlProject project = LookmlProject.of(Map.of("views/product_mv.view.lkml",
                    "view: product_mv {\n  sql_table_name: shop.product_mv ;;\n"
                            + "  dimension: sku { sql: ${TABLE}.sku ;; }\n"
                            + "  dimension: price { sql: ${TABLE}.price ;; }\n}\n",
                    // A field whose own subquery reads one is the field's problem, not the table's.
                    "views/orders.view.lkml",
                    "view: orders {\n  sql_table_name: shop.orders ;;\n"
                            + "  dimension: id { sql: ${TABLE}.id ;; }\n"
                            + "  dimension: total { sql: (SELECT n FROM shop.order_stats) ;; }\n}\n"));
            ValidationResult result = validated(server, database, project);

            assertThat(result.diagnostics()).extracting(d -> d.code().id() + " " + d.position())
                    .containsExactlyInAnyOrder("E0923 views/product_mv.view.lkml:2:19", "E0921 views/orders.view.lkml:4:27");
            assertThat(result.diagnostics()).filteredOn(d -> d.code().id().equals("E0923")).singleElement()
                    .satisfies(d -> {
                        assertThat(d.message()).contains("has not been populated");
                        assertThat(d.hint()).get().asString().contains("REFRESH MATERIALIZED VIEW");
                    });
        }
    }

    /** One misspelt function is one problem, not one at every field built on it (round 13). */
    @Test
    void aFieldThatFailsOnlyThroughAnotherIsNotReportedAgain() throws Exception {
        PostgresServer server = PostgresServer.shared();
        try (PostgresServer.Database database = server.createDatabase("validator_cascade")) {
            database.execute("CREATE SCHEMA shop; CREATE TABLE shop.orders (id TEXT)");
            LookmlProject project = LookmlProject.of(Map.of("views/orders.view.lkml",
                    "view: orders {\n  sql_table_name: shop.orders ;;\n"
                            + "  dimension: id { sql: ${TABLE}.id ;; }\n"
                            + "  dimension: id_len { type: number sql: LENGHT(${TABLE}.id) ;; }\n"
                            + "  dimension: id_len_x2 { type: number sql: ${id_len} * 2 ;; }\n"
                            + "  measure: total_len { type: sum sql: ${id_len} ;; }\n"
                            + "  dimension: own_typo { sql: SUBSTRNG(${TABLE}.id, 1, 2) ;; }\n}\n"));
            ValidationResult result = validated(server, database, project);

            assertThat(result.diagnostics()).extracting(d -> d.code().id() + " " + d.position().line())
                    .containsExactlyInAnyOrder("E0921 4", "E0921 7");
            assertThat(result.notValidated()).isEqualTo(2);
        }
    }

    /**
     * A {@code -- comment} at the end of user SQL ran on over what storyc writes after it on the
     * line: the next field was blamed for a syntax error, a derived table lost its closing
     * parenthesis. Every place user SQL lands must end it.
     */
    @Test
    void aTrailingLineCommentSwallowsNothing() throws Exception {
        PostgresServer server = PostgresServer.shared();
        try (PostgresServer.Database database = server.createDatabase("validator_comments")) {
            database.execute("CREATE SCHEMA shop; CREATE TABLE shop.claims (claim_id TEXT, payer TEXT);"
                    + " CREATE TABLE shop.payers (payer TEXT)");
            LookmlProject project = LookmlProject.of(Map.of("views/claims.view.lkml",
                    "view: claims {\n  sql_table_name: shop.claims -- the clearinghouse's\n ;;\n"
                            + "  dimension: claim_id {\n    primary_key: yes\n"
                            + "    sql: ${TABLE}.claim_id -- the clearinghouse id\n    ;;\n  }\n"
                            + "  dimension: claim_prefix { sql: LEFT(${claim_id}, 2) -- two letters\n ;; }\n"
                            + "  dimension: payer { sql: ${TABLE}.payer ;; }\n"
                            + "  measure: claims { type: count_distinct sql: ${claim_id} -- once each\n ;; }\n"
                            + "  measure: payers { type: count_distinct sql: ${payer} ;; }\n}\n"
                            + "view: payers {\n  derived_table: { sql: SELECT payer FROM shop.payers -- all\n ;; }\n"
                            + "  dimension: payer { sql: ${TABLE}.payer ;; }\n}\n",
                    "explores/claims.explore.lkml",
                    "explore: claims {\n  join: payers {\n"
                            + "    sql_on: ${claims.payer} = ${payers.payer} -- by name\n ;;\n  }\n}\n"));
            ValidationResult result = validated(server, database, project);

            assertThat(result.diagnostics()).isEmpty();
            assertThat(result.validated()).isEqualTo(6);
        }
    }

    /**
     * A time group over a text column, and a yesno field that is no condition, passed: the group
     * was selected as its raw column and the yesno as its bare SQL, where Looker's queries
     * truncate the one and put the other in a CASE, and fail.
     */
    @Test
    void timeGroupsAndYesnoFailWhereLookersQueriesFail() throws Exception {
        PostgresServer server = PostgresServer.shared();
        try (PostgresServer.Database database = server.createDatabase("validator_types")) {
            database.execute("CREATE SCHEMA shop; CREATE TABLE shop.claims (payer_name VARCHAR(40),"
                    + " paid_at TIMESTAMP, paid_on DATE, paid_epoch BIGINT, is_paid BOOLEAN)");
            LookmlProject project = LookmlProject.of(Map.of("views/claims.view.lkml", """
                    view: claims {
                      sql_table_name: shop.claims ;;
                      dimension_group: paid_text {
                        type: time timeframes: [raw, date, week, month] sql: ${TABLE}.payer_name ;;
                      }
                      dimension_group: paid_text_raw { type: time timeframes: [raw] sql: ${TABLE}.payer_name ;; }
                      dimension_group: paid_text_num { type: time timeframes: [month_num] sql: ${TABLE}.payer_name ;; }
                      dimension: is_paid_text { type: yesno sql: ${TABLE}.payer_name ;; }
                      dimension_group: stamped_epoch {
                        type: time datatype: epoch timeframes: [date] sql: ${TABLE}.paid_at ;;
                      }
                      dimension_group: paid { type: time sql: ${TABLE}.paid_at ;; }
                      dimension_group: paid_on {
                        type: time datatype: date timeframes: [date, month, day_of_week, year] sql: ${TABLE}.paid_on ;;
                      }
                      dimension_group: paid_epoch {
                        type: time datatype: epoch timeframes: [raw, date, hour_of_day] sql: ${TABLE}.paid_epoch ;;
                      }
                      dimension: is_paid { type: yesno sql: ${TABLE}.is_paid ;; }
                      dimension: paid_day_after { type: date sql: ${paid_on_date} + 1 ;; }
                      measure: any_paid { type: yesno sql: BOOL_OR(${is_paid}) ;; }
                    }
                    """));
            ValidationResult result = validated(server, database, project);

            assertThat(result.diagnostics()).extracting(d -> d.code().id() + " " + d.position().line())
                    .containsExactlyInAnyOrder("E0921 4", "E0921 7", "E0921 8", "E0921 10");
            assertThat(result.diagnostics()).extracting(d -> d.position().line() + " " + d.message())
                    .anySatisfy(m -> assertThat(m).startsWith("4 ").contains("`claims.paid_text`")
                            .contains("date_trunc(unknown, character varying) does not exist"))
                    .anySatisfy(m -> assertThat(m).startsWith("8 ").contains("`claims.is_paid_text`")
                            .contains("argument of CASE/WHEN must be type boolean"));
            assertThat(result.validated()).isEqualTo(7);
        }
    }

    /**
     * A derived table's failure was reported at its first token and told to fix a sql_table_name
     * it does not have; the server says where in its text it failed.
     */
    @Test
    void aDerivedTableFailsAtTheTokenTheServerBlamed() throws Exception {
        PostgresServer server = PostgresServer.shared();
        try (PostgresServer.Database database = server.createDatabase("validator_derived")) {
            database.execute("CREATE SCHEMA shop; CREATE TABLE shop.orders (id INT)");
            LookmlProject project = LookmlProject.of(Map.of("views/recent.view.lkml", """
                    view: recent {
                      derived_table: {
                        sql: SELECT id
                          FROM shop.orders
                          WHERE nosuch > 1 ;;
                      }
                      dimension: id { sql: ${TABLE}.id ;; }
                    }
                    view: missing {
                      sql_table_name: shop.missing ;;
                      dimension: id { sql: ${TABLE}.id ;; }
                    }
                    """));
            ValidationResult result = validated(server, database, project);

            assertThat(result.diagnostics()).extracting(d -> d.code().id() + " " + d.position())
                    .containsExactlyInAnyOrder("E0923 views/recent.view.lkml:5:13", "E0923 views/recent.view.lkml:10:19");
            assertThat(result.diagnostics()).filteredOn(d -> d.position().line() == 5).singleElement()
                    .satisfies(d -> {
                        assertThat(d.message()).contains("the derived table of view `recent`")
                                .contains("column \"nosuch\" does not exist");
                        assertThat(d.hint()).get().asString().contains("derived table's SQL")
                                .doesNotContain("sql_table_name");
                    });
            assertThat(result.diagnostics()).filteredOn(d -> d.position().line() == 10).singleElement()
                    .satisfies(d -> assertThat(d.hint()).get().asString().contains("fix sql_table_name"));
        }
    }

    /** Returns what the validator finds in {@code project} over a database of schema shop. */
    private static ValidationResult validated(PostgresServer server, PostgresServer.Database database,
            LookmlProject project) throws Exception {
        WarehouseTarget target = new WarehouseTarget("test", Engine.POSTGRES, "127.0.0.1", server.port(),
                database.name(), "shop", "storyc", PostgresServer.USER,
                Optional.of(new Secret(PostgresServer.PASSWORD, "${env:X}")), Optional.empty(), Timeouts.DEFAULT);
        try (Connection connection = database.connect()) {
            return Validator.run(ValidationPlanner.plan(project), new JdbcSqlExecutor(connection, target));
        }
    }
}
