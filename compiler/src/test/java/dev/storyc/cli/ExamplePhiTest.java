package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.emit.OutputFile;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's acceptance over the example: no development, integration or acceptance output reads a
 * classified column raw, and production's does. The classified columns are the patients table's
 * MRN, names and birth date (stories/patients/schema/phi.toml).
 */
class ExamplePhiTest {
    static final List<CompiledEnvironment> COMPILED = ExampleGoldenTreesTest.COMPILED;
    /** A read of a classified column in LookML, with the text before it on its line. */
    static final Pattern READ = Pattern.compile(
            "([^\\n]*)\\$\\{TABLE\\}\\.(mrn|first_name|last_name|birth_date)\\b([^\\n]*)");

    @Test
    void everyEnvironmentButProductionReadsClassifiedColumnsOnlyThroughATreatment() {
        List<String> treatedEnvironments = COMPILED.stream().map(c -> c.environment().name())
                .filter(name -> !name.equals("production")).toList();
        assertThat(treatedEnvironments).contains("dev-alice", "dev-bob", "dev-cobbr2",
                "integration",
                "acceptance-1", "acceptance-2");
        for (CompiledEnvironment compiled : COMPILED) {
            if (compiled.environment().name().equals("production")) {
                continue;
            }
            int reads = 0;
            for (OutputFile file : compiled.tree().all()) {
                if (!file.path().endsWith(".lkml")) {
                    continue;
                }
                Matcher matcher = READ.matcher(file.text());
                while (matcher.find()) {
                    reads++;
                    String column = matcher.group(2);
                    String before = matcher.group(1);
                    String after = matcher.group(3);
                    boolean treated = column.equals("mrn")
                            ? before.endsWith("LEFT(MD5('" + keyOf(file.text()) + "' || CAST(")
                                    && after.startsWith(" AS VARCHAR)), 16)")
                            : column.equals("birth_date") && before
                                    .endsWith("CAST(DATE_TRUNC('year', ")
                                    && after.startsWith(") AS DATE)");
                    assertThat(treated).as("%s %s reads %s raw: %s", compiled.environment().name(),
                            file.path(), column, matcher.group()).isTrue();
                }
            }
            assertThat(reads).as("%s reads the MRN and birth date through treatments",
                    compiled.environment().name()).isGreaterThanOrEqualTo(2);
            String view = compiled.tree().file("views/patients/patients.view.lkml").orElseThrow()
                    .text();
            assertThat(view).contains("sql: '[redacted]' || ' ' || '[redacted]' ;;")
                    .doesNotContain("first_name").doesNotContain("last_name");
        }
    }

    @Test
    void eachEnvironmentHasItsOwnPseudonymKey() {
        List<String> keys = COMPILED.stream().filter(c -> !c.environment().name()
                .equals("production"))
                .map(c -> keyOf(c.tree().file("views/patients/patients.view.lkml").orElseThrow()
                        .text()))
                .toList();
        assertThat(keys).doesNotContainNull().doesNotHaveDuplicates()
                .allSatisfy(key -> assertThat(key).doesNotContain("acme-test-cluster-pseudonyms"));
    }

    @Test
    void productionReadsTheColumnsRaw() {
        CompiledEnvironment production = COMPILED.stream()
                .filter(c -> c.environment().name().equals("production")).findFirst().orElseThrow();
        String view = production.tree().file("views/patients/patients.view.lkml").orElseThrow()
                .text();
        assertThat(view).contains("sql: ${TABLE}.mrn ;;")
                .contains("sql: ${TABLE}.first_name || ' ' || ${TABLE}.last_name ;;")
                .contains("sql: ${TABLE}.birth_date ;;")
                .doesNotContain("MD5('").doesNotContain("[redacted]");
    }

    private static String keyOf(String text) {
        Matcher key = Pattern.compile("MD5\\('([0-9a-f]{32})'").matcher(text);
        return key.find() ? key.group(1) : null;
    }
}
