package dev.storyc.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Who holds the apply lock, as far as the server lets this session see. */
class ApplyLockHolderTest {
    @Test
    void anotherRolesSessionIsNamedByItsProcessAlone() {
        assertThat(ApplyLock.holder(4242, null, null, null, null)).isEqualTo("session 4242 of another role");
        assertThat(ApplyLock.holder(7, "alice", "storyc", "127.0.0.1/32", Timestamp.from(Instant.parse("2026-12-02T04:00:00Z"))))
                .isEqualTo("session 7 of alice (storyc) from 127.0.0.1/32 since 2026-12-02T04:00:00Z");
    }
}
