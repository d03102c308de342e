package dev.storyc.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import dev.storyc.diag.Position;
import io.kubernetes.client.openapi.models.V1CronJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The schedule files are checked with the schedulers' own definitions: each crontab line's first
 * five fields with cron-utils' Unix cron definition, and each CronJob with the official Kubernetes
 * Java client's generated models ({@code V1CronJob.validateJsonElement}), which reject unknown
 * fields, missing required fields and wrong types throughout the object.
 */
class ScheduleFilesTest {
    static final ScheduleTarget WITH_REMOTE =
            ScheduleTarget.of(
                    "acceptance-1",
                    Optional.of("https://git.example.test/acme/out-acceptance-1.git"),
                    "main",
                    "1.2.0");
    static final ScheduleTarget WITHOUT_REMOTE =
            ScheduleTarget.of("dev-alice", Optional.empty(), "main", "1.2.0");

    static final EtlJob PATIENTS =
            job("patients", "load_patients", "0 2 * * *", new EtlMode.Replace());
    static final EtlJob APPOINTMENTS =
            job(
                    "appointments",
                    "load_appointments",
                    "15 * * * *",
                    new EtlMode.Merge(List.of("appointment_id")));
    static final EtlJob LONG =
            job(
                    "a-very-long-story-name-for-research",
                    "build_the_research_cohort_weekly",
                    "0 6 * * 1",
                    new EtlMode.Append());

    static EtlJob job(String story, String name, String schedule, EtlMode mode) {
        return new EtlJob(
                story,
                name,
                "analytics." + name,
                schedule,
                name + ".sql",
                "feed",
                mode,
                mode instanceof EtlMode.Merge m ? m.key() : List.of(),
                "Loads \"" + name + "\": nightly",
                Position.ofFile("etl/" + story + "/" + name + ".job.toml"));
    }

    @Test
    void theCrontabRunsEachJobFromTheCheckoutUnderALock() {
        String crontab =
                ScheduleFiles.of(WITH_REMOTE, List.of(PATIENTS, APPOINTMENTS))
                        .get(ScheduleFiles.CRONTAB);

        assertThat(jobLines(crontab))
                .containsExactly(
                        "0 2 * * * cd /srv/storyc/acceptance-1 && flock -n"
                            + " /tmp/storyc-acceptance-1-patients-load_patients.lock storyc etl run"
                            + " --env acceptance-1 patients/load_patients",
                        "15 * * * * cd /srv/storyc/acceptance-1 && flock -n"
                            + " /tmp/storyc-acceptance-1-appointments-load_appointments.lock storyc"
                            + " etl run --env acceptance-1 appointments/load_appointments");
        CronParser unix =
                new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
        for (String line : jobLines(crontab)) {
            String[] fields = line.split(" ", 6);
            unix.parse(String.join(" ", List.of(fields).subList(0, 5))).validate();
        }
    }

    @Test
    void everyCronJobIsAValidKubernetesBatchV1CronJob() throws Exception {
        for (ScheduleTarget target : List.of(WITH_REMOTE, WITHOUT_REMOTE)) {
            List<Map<String, Object>> documents =
                    documents(
                            ScheduleFiles.of(target, List.of(PATIENTS, APPOINTMENTS, LONG))
                                    .get(ScheduleFiles.KUBERNETES));

            assertThat(documents).hasSize(3);
            for (Map<String, Object> document : documents) {
                JsonElement json = new Gson().toJsonTree(document);
                V1CronJob.validateJsonElement(json);
                V1CronJob cronJob = V1CronJob.fromJson(json.toString());
                assertThat(cronJob.getMetadata().getName())
                        .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")
                        .hasSizeLessThanOrEqualTo(52);
                var container =
                        cronJob.getSpec()
                                .getJobTemplate()
                                .getSpec()
                                .getTemplate()
                                .getSpec()
                                .getContainers()
                                .get(0);
                assertThat(container.getCommand())
                        .startsWith("storyc", "etl", "run", "--env", target.environment());
                assertThat(container.getWorkingDir())
                        .isEqualTo("/srv/storyc/" + target.environment());
            }
            assertThat(
                            documents.stream()
                                    .map(d -> (Object) ((Map<?, ?>) d.get("spec")).get("schedule"))
                                    .toList())
                    .containsExactly((Object) "0 2 * * *", "15 * * * *", "0 6 * * 1");
        }
    }

    @Test
    void theKubernetesModelsRejectWhatIsNotACronJob() {
        Map<String, Object> document =
                documents(
                                ScheduleFiles.of(WITH_REMOTE, List.of(PATIENTS))
                                        .get(ScheduleFiles.KUBERNETES))
                        .get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) document.get("spec");
        spec.put("shedule", spec.remove("schedule"));

        assertThatThrownBy(() -> V1CronJob.validateJsonElement(new Gson().toJsonTree(document)))
                .as("the check this test relies on must be able to fail")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void longNamesAreShortenedWithAHashSoTheyStayUnique() {
        String name = KubernetesCronJobs.name(WITH_REMOTE, LONG, false);

        assertThat(name)
                .hasSizeLessThanOrEqualTo(52)
                .startsWith("storyc-acceptance-1-a-very-long-story")
                .matches(".*-[0-9a-f]{8}");
    }

    /** {@code nums} + {@code slow_nums} and {@code nums-slow} + {@code nums} spell one label (round 14). */
    @Test
    void jobsWhoseNamesSpellTheSameLabelGetOneNameEachAndLabelsFit() {
        EtlJob slow = job("nums", "slow_nums", "0 3 * * *", new EtlMode.Append());
        EtlJob other = job("nums-slow", "nums", "0 3 * * *", new EtlMode.Append());
        EtlJob wordy = job("nums", "load_the_nums_table_from_the_raw_feed_every_morning_before_the_refresh",
                "0 3 * * *", new EtlMode.Append());

        List<KubernetesCronJobs.JobValues> values = KubernetesCronJobs.values(WITH_REMOTE, List.of(slow, other, wordy));

        assertThat(values).extracting(KubernetesCronJobs.JobValues::name).doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).hasSizeLessThanOrEqualTo(52).matches(".*-[0-9a-f]{8}"));
        assertThat(values.get(2).jobLabel()).hasSize(63).matches("load-the-nums-table.*-[0-9a-f]{8}");
        assertThat(KubernetesCronJobs.values(WITH_REMOTE, List.of(slow)).get(0).name())
                .as("alone, a job keeps its plain name").isEqualTo("storyc-acceptance-1-nums-slow-nums");
    }

    @Test
    void theBytesDependOnlyOnTheJobsAndABackedOutStoryLeavesNoEntry() {
        Map<String, String> both = ScheduleFiles.of(WITH_REMOTE, List.of(PATIENTS, APPOINTMENTS));
        Map<String, String> withoutAppointments = ScheduleFiles.of(WITH_REMOTE, List.of(PATIENTS));

        assertThat(ScheduleFiles.of(WITH_REMOTE, List.of(PATIENTS, APPOINTMENTS))).isEqualTo(both);
        assertThat(withoutAppointments.values())
                .allSatisfy(text -> assertThat(text).doesNotContain("appointments"));
        assertThat(both.values())
                .allSatisfy(text -> assertThat(text).contains("appointments/load_appointments"));
    }

    @Test
    void anEnvironmentWithoutJobsGetsFilesThatSaySo() {
        Map<String, String> files = ScheduleFiles.of(WITHOUT_REMOTE, List.of());

        assertThat(jobLines(files.get(ScheduleFiles.CRONTAB))).isEmpty();
        assertThat(files.get(ScheduleFiles.KUBERNETES))
                .endsWith("# This environment has no ETL jobs.\n");
        assertThat(documents(files.get(ScheduleFiles.KUBERNETES))).isEmpty();
    }

    static List<String> jobLines(String crontab) {
        return crontab.lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.contains("="))
                .toList();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        new Load(LoadSettings.builder().build())
                .loadAllFromString(yaml)
                .forEach(
                        d -> {
                            if (d != null) {
                                documents.add((Map<String, Object>) d);
                            }
                        });
        return documents;
    }

    @Test
    void aTokenInTheRemoteNeverReachesTheManifest() {
        ScheduleTarget target =
                ScheduleTarget.of(
                        "acceptance-1",
                        Optional.of("https://ci:s3cr3t-t0ken@git.example/acme/out.git"),
                        "main",
                        "1.2.0");

        String manifest = ScheduleFiles.of(target, List.of(PATIENTS)).get(ScheduleFiles.KUBERNETES);

        assertThat(manifest).doesNotContain("s3cr3t").doesNotContain("ci:")
                .contains("https://git.example/acme/out.git");
        assertThat(ScheduleTarget.withoutCredentials("git@github.com:acme/out.git"))
                .isEqualTo("git@github.com:acme/out.git");
        assertThat(ScheduleTarget.withoutCredentials("ssh://git@host:22/acme/out.git"))
                .isEqualTo("ssh://git@host:22/acme/out.git");
        assertThat(ScheduleTarget.withoutCredentials("ssh://git:pw@host/acme/out.git"))
                .isEqualTo("ssh://git@host/acme/out.git");
        assertThat(ScheduleTarget.withoutCredentials("https://TOKEN@git.example/out.git"))
                .isEqualTo("https://git.example/out.git");
        assertThat(ScheduleTarget.withoutCredentials("https://git.example/out.git?token=abc#x"))
                .isEqualTo("https://git.example/out.git");
    }
}
