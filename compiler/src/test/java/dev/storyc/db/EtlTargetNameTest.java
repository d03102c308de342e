package dev.storyc.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A job's target is found in the catalog as PostgreSQL names it: quoted parts keep their case. */
class EtlTargetNameTest {
    @Test
    void quotedPartsKeepTheirCaseAndDotsAndUnquotedOnesFold() {
        assertThat(EtlRunner.nameParts("raw.\"OrdersCopy\"")).containsExactly("raw", "OrdersCopy");
        assertThat(EtlRunner.nameParts("Analytics.Orders")).containsExactly("analytics", "orders");
        assertThat(EtlRunner.nameParts("\"a.b\".\"c\"\"d\"")).containsExactly("a.b", "c\"d");
        assertThat(EtlRunner.nameParts("db.analytics.orders")).containsExactly("db", "analytics", "orders");
    }
}
