package dev.storyc.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A job's schedule is a five-field Unix cron expression that fires on some date. */
class CronScheduleTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "30 2 * * *          | ",
        "0 0 31 * *          | ",
        "0 0 29 2 *          | ",
        "0 0 30 2 1          | ",
        "0 5 * * 1-5         | ",
        "0 0 30 2 *          | never fires",
        "0 0 31 4 *          | never fires",
        "0 0 31 4,6,9,11 *   | never fires",
        "@daily              | @daily are not read here",
        "61 * * * *          | 61"})
    void aScheduleIsRefusedWithItsReason(String schedule, String reason) {
        if (reason == null) {
            assertThat(EtlJobs.cronProblem(schedule.strip())).isEmpty();
        } else {
            assertThat(EtlJobs.cronProblem(schedule.strip())).get().asString().contains(reason);
        }
    }
}
