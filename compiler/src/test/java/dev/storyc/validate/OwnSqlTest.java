package dev.storyc.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.lookml.model.Field;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A server's error position inside a field reads back as the line and column of the field's own
 * text in its LookML file, through substitutions and the aggregate around a measure (round 18: it
 * was always the `sql:`).
 */
class OwnSqlTest {
    static final String VIEW = """
            view: orders {
              sql_table_name: shop.orders ;;
              dimension: amount { sql: ${TABLE}.amount ;; }
              measure: big_total {
                type: sum
                sql: CASE
                  WHEN ${amount} > 100 THEN ${TABLE}.amuont
                END ;;
              }
            }
            """;

    @Test
    void aPositionInTheFieldsOwnTextIsItsLineAndColumnThroughSubstitutionsAndTheAggregate() {
        LookmlProject project = LookmlProject.of(Map.of("views/orders.view.lkml", VIEW));
        Field measure = project.view("orders").orElseThrow().field("big_total").orElseThrow();
        Resolved.Sql resolved = (Resolved.Sql) new FieldSql(project, Map.of("orders", "orders"))
                .select("orders", measure);
        QueryParts.FieldQuery query = new QueryParts.FieldQuery("orders", "orders", "big_total", true,
                resolved.sql(), resolved.aliases(), ValidationPlanner.at(measure), resolved.own());

        assertThat(resolved.sql()).contains("(orders.amount) > 100 THEN orders.amuont");
        // The misspelt column: line 7 of the file, at `amuont` after `${TABLE}.`.
        assertThat(query.at(resolved.sql().indexOf("amuont")))
                .hasToString("views/orders.view.lkml:7:42");
        // `THEN` is the field's own text too, on the same line.
        assertThat(query.at(resolved.sql().indexOf("THEN"))).hasToString("views/orders.view.lkml:7:28");
        // Inside a substitution or the aggregate around the field there is no place of its own.
        assertThat(query.at(resolved.sql().indexOf("orders.amount"))).isEqualTo(query.at());
        assertThat(query.at(0)).isEqualTo(query.at());
        assertThat(query.at(-1)).isEqualTo(query.at());
    }
}
