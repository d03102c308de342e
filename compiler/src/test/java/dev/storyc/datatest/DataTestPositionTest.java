package dev.storyc.datatest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Position;
import org.junit.jupiter.api.Test;

/** Where a failing data test is reported: the server's position in a story's file, never in storyc's SQL. */
class DataTestPositionTest {
    private static final String SQL = "SELECT id\nFROM analytics.orders\nWHERE totl < 0";

    @Test
    void aStoryTestMovesToTheLineTheServerBlamed() {
        DataTest test = new DataTest("orders/negative", "orders", DataTest.Kind.STORY, SQL,
                Position.of("stories/orders/tests/negative.sql", 1, 1));

        assertThat(test.at(SQL.indexOf("totl") + 1).at().toString()).isEqualTo("stories/orders/tests/negative.sql:3:7");
    }

    @Test
    void aGeneratedTestStaysAtItsDimension() {
        Position dimension = Position.of("out/dev/views/orders/orders.view.lkml", 4, 3);
        DataTest test = new DataTest("orders.id is unique", "orders", DataTest.Kind.PRIMARY_KEY_UNIQUE, SQL, dimension);

        assertThat(test.at(SQL.indexOf("totl") + 1).at()).isEqualTo(dimension);
    }
}
