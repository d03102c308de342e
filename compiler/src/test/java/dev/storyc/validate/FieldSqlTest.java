package dev.storyc.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.lookml.model.Field;
import dev.storyc.lookml.model.View;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldSqlTest {
    static final String ORDERS =
            """
            view: orders {
              sql_table_name: shop.orders ;;
              dimension: id { primary_key: yes sql: ${TABLE}.id ;; }
              dimension: amount { type: number sql: ${TABLE}.amount_cents / 100.0 ;; }
              dimension: is_big { type: yesno sql: ${amount} > 100 ;; }
              dimension: customer_id { sql: ${TABLE}.customer_id ;; }
              dimension: customer_tier { sql: ${customers.tier} ;; }
              dimension_group: created {
                type: time timeframes: [raw, date, month] sql: ${TABLE}.created_at ;;
              }
              dimension: created_day { sql: ${created_date} ;; }
              dimension: no_sql {}
              dimension: with_liquid { sql: {% if x %}1{% endif %} ;; }
              dimension: with_constant { sql: @{currency} ;; }
              dimension: unknown { sql: ${nope} ;; }
              measure: count { type: count }
              measure: total { type: sum sql: ${amount} ;; }
              measure: average_total { type: number sql: ${total} / NULLIF(${count}, 0) ;; }
              filter: when {}
            }
            """;
    static final String CUSTOMERS =
            """
            view: customers {
              derived_table: { sql: SELECT * FROM ${raw_customers.SQL_TABLE_NAME} WHERE active ;; }
              dimension: tier { sql: ${TABLE}.tier ;; }
            }
            view: raw_customers { sql_table_name: shop.customers ;; }
            """;

    static LookmlProject project() {
        return LookmlProject.of(
                Map.of("views/orders.view.lkml", ORDERS, "views/customers.view.lkml", CUSTOMERS));
    }

    static Resolved select(String field, Map<String, String> aliases, String alias) {
        LookmlProject project = project();
        View view = project.view(aliases.get(alias)).orElseThrow();
        Field found = view.field(field).orElseThrow();
        return withoutOwn(new FieldSql(project, aliases).select(alias, found));
    }

    /** Returns the SQL and aliases alone: where the field's own text lies is OwnSqlTest's. */
    static Resolved withoutOwn(Resolved resolved) {
        return resolved instanceof Resolved.Sql sql ? new Resolved.Sql(sql.sql(), sql.aliases()) : resolved;
    }

    static Resolved inOrders(String field) {
        return select(field, Map.of("orders", "orders"), "orders");
    }

    @Test
    void substitutesTableAndOwnFieldsInParentheses() {
        assertThat(inOrders("is_big"))
                .as("a yesno field is selected as Looker writes it")
                .isEqualTo(new Resolved.Sql("CASE WHEN ((orders.amount_cents / 100.0) > 100) THEN 'Yes' ELSE 'No' END",
                        Set.of("orders")));
        assertThat(inOrders("no_sql"))
                .isEqualTo(new Resolved.Sql("orders.no_sql", Set.of("orders")));
    }

    @Test
    void writesTimeframesAndAggregatesAsLookerDoes() {
        assertThat(inOrders("created_day"))
                .isEqualTo(
                        new Resolved.Sql("(CAST(DATE_TRUNC('day', (orders.created_at)) AS DATE))", Set.of("orders")));
        assertThat(inOrders("created_raw"))
                .as("a group is selected by each kind of timeframe it lists, raw only when it is alone")
                .isEqualTo(new Resolved.Sql("CAST(DATE_TRUNC('day', (orders.created_at)) AS DATE)", Set.of("orders")));
        assertThat(inOrders("count")).isEqualTo(new Resolved.Sql("COUNT(*)", Set.of()));
        assertThat(inOrders("total"))
                .isEqualTo(
                        new Resolved.Sql("SUM(((orders.amount_cents / 100.0)))", Set.of("orders")));
        assertThat(((Resolved.Sql) inOrders("average_total")).sql())
                .isEqualTo("(SUM(((orders.amount_cents / 100.0)))) / NULLIF((COUNT(*)), 0)");
    }

    @Test
    void anotherViewsFieldResolvesOnlyInAnExploreThatJoinsIt() {
        assertThat(inOrders("customer_tier")).isInstanceOf(Resolved.Unresolved.class);
        Map<String, String> explore = new LinkedHashMap<>();
        explore.put("orders", "orders");
        explore.put("buyer", "customers");
        LookmlProject project = project();
        Field tier =
                project.view("orders").orElseThrow().fields().stream()
                        .filter(f -> f.name().equals("customer_tier"))
                        .findFirst()
                        .orElseThrow();
        assertThat(new FieldSql(project, explore).select("orders", tier))
                .as("a join's alias is not the view's name; ${customers.tier} must name the alias")
                .isInstanceOf(Resolved.Unresolved.class);
        explore.put("customers", "customers");
        assertThat(withoutOwn(new FieldSql(project, explore).select("orders", tier)))
                .isEqualTo(new Resolved.Sql("(customers.tier)", Set.of("customers")));
    }

    @Test
    void tablesAreSqlTableNamesOrDerivedTablesWithTheirReferences() {
        FieldSql sql = new FieldSql(project(), Map.of());
        assertThat(withoutOwn(sql.table("orders"))).isEqualTo(new Resolved.Sql("shop.orders", Set.of()));
        assertThat(withoutOwn(sql.table("customers")))
                .isEqualTo(
                        new Resolved.Sql("(SELECT * FROM shop.customers WHERE active)", Set.of()));
    }

    @Test
    void liquidConstantsAndFiltersAreSkippedAndUnknownFieldsUnresolved() {
        assertThat(inOrders("with_liquid")).isInstanceOf(Resolved.Skipped.class);
        assertThat(inOrders("with_constant")).isInstanceOf(Resolved.Skipped.class);
        assertThat(inOrders("when")).isInstanceOf(Resolved.Skipped.class);
        assertThat(inOrders("unknown"))
                .isEqualTo(new Resolved.Unresolved("${nope}", "view `orders` has no field `nope`"));
    }

    @Test
    void primaryKeysAreRead() {
        assertThat(project().primaryKeys("orders")).containsExactly("id");
        assertThat(project().primaryKeys("customers")).isEmpty();
    }
}
