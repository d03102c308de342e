package dev.storyc.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A job's target is found in the catalog as PostgreSQL names it: quoted parts keep their case. */
class EtlTargetNameTest {
    @Test
    void quotedPartsKeepTheirCaseAndDotsAndUnquotedOnesFold() {
        assertThat(dev.storyc.check.TableName.parse("raw.\"OrdersCopy\"").orElseThrow().parts()).containsExactly("raw", "OrdersCopy");
        assertThat(dev.storyc.check.TableName.parse("Analytics.Orders").orElseThrow().parts()).containsExactly("analytics", "orders");
        assertThat(dev.storyc.check.TableName.parse("\"a.b\".\"c\"\"d\"").orElseThrow().parts()).containsExactly("a.b", "c\"d");
        assertThat(dev.storyc.check.TableName.parse("db.analytics.orders").orElseThrow().parts()).containsExactly("db", "analytics", "orders");
    }
}
