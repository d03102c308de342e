package dev.storyc.etl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The manifest written from one SnakeYAML template per environment is byte-equal to the one
 * SnakeYAML writes document by document, for values that need quoting, values YAML would read as
 * something else, values on several lines and long values.
 */
class CronJobDocumentsTest {
    /** Values that exercise SnakeYAML's quoting rules; a job draws each of its values from here. */
    private static final List<String> AWKWARD = List.of("", " ", "plain", "yes", "no", "null",
            "~", "true", "123", "0x1F", "1e3", ".inf", "-", "- item", "a: b", "a #b", "#hash",
            "'single'", "\"double\"", "{flow}", "[list]", "&anchor", "*alias", "!tag", "%directive",
            "@at", "`tick`", "trailing ", " leading", "two\nlines", "tab\there", "ünïcödé", "emoji 📈",
            "0 2 * * *", "*/5 * * * *", "@daily", "Loads \"x\": nightly", "back\\slash",
            "x".repeat(450), ("word ".repeat(230)).strip(), "=", "? key", "|", ">", "---", "...");

    @Property(tries = 200)
    void theManifestIsWhatSnakeYamlWritesDocumentByDocument(
            @ForAll("targets") ScheduleTarget target, @ForAll("jobs") List<EtlJob> jobs) {
        String manifest = KubernetesCronJobs.of(target, jobs);

        assertThat(manifest).isEqualTo(bySnakeYaml(target, jobs));
    }

    @Test
    void anEnvironmentWhoseValuesLookLikeSlotsIsWrittenWhole() {
        ScheduleTarget target = ScheduleTarget.of("storycslot0x", Optional.empty(), "main", "1.0");
        List<EtlJob> jobs = List.of(job("story", "load", "0 2 * * *", "plain"),
                job("other", "storycslot1x", "@daily", "storycslot2x"));

        String manifest = KubernetesCronJobs.of(target, jobs);

        assertThat(manifest).isEqualTo(bySnakeYaml(target, jobs))
                .contains("name: storyc-storycslot0x-story-load\n")
                .contains("storyc.dev/description: storycslot2x\n");
    }

    @Test
    void aTypicalJobIsCopiedWithItsValuesQuotedAsSnakeYamlQuotesThem() {
        List<EtlJob> jobs = List.of(job("orders", "load_orders", "0 2 * * *", "Loads: orders"),
                job("returns", "load_returns", "15 * * * *", "true"));

        String manifest = KubernetesCronJobs.of(ScheduleFilesTest.WITH_REMOTE, jobs);

        assertThat(manifest).isEqualTo(bySnakeYaml(ScheduleFilesTest.WITH_REMOTE, jobs))
                .contains("    storyc.dev/description: 'Loads: orders'\n")
                .contains("    storyc.dev/description: 'true'\n")
                .contains("  schedule: 0 2 * * *\n");
    }

    private static String bySnakeYaml(ScheduleTarget target, List<EtlJob> jobs) {
        String empty = KubernetesCronJobs.of(target, List.of());
        String header = empty.substring(0, empty.indexOf("# This environment has no ETL jobs."));
        List<Object> documents = new ArrayList<>();
        KubernetesCronJobs.values(target, jobs).forEach(job -> documents.add(KubernetesCronJobs.cronJob(target, job)));
        return jobs.isEmpty() ? empty : header + KubernetesCronJobs.dump(documents);
    }

    @Provide
    Arbitrary<ScheduleTarget> targets() {
        Arbitrary<String> environments = Arbitraries.of("production", "dev-alice", "acceptance-1",
                "yes", "123", "a b");
        Arbitrary<Optional<String>> remotes = Arbitraries.of(Optional.empty(),
                Optional.of("https://git.example.test/acme/out.git"),
                Optional.of("git@example.test:acme/out: x.git"));
        Arbitrary<String> versions = Arbitraries.of("1.2.0", "0.0.0-dev", "true");
        return Combinators.combine(environments, remotes, Arbitraries.of("main", "no", "release/x"),
                versions).as((environment, remote, branch, version) ->
                        ScheduleTarget.of(environment, remote, branch, version));
    }

    @Provide
    Arbitrary<List<EtlJob>> jobs() {
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.of(AWKWARD),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30));
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of("load", "yes", "123", "a_b"),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(70));
        return Combinators.combine(names, names, values, values)
                .as(CronJobDocumentsTest::job)
                .list().ofMaxSize(6);
    }

    private static EtlJob job(String story, String name, String schedule, String description) {
        return new EtlJob(story, name, "analytics." + name, schedule, name + ".sql", "feed",
                new EtlMode.Append(), List.of(), description,
                Position.ofFile("etl/" + story + "/" + name + ".job.toml"));
    }
}
