package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.check.TableName;
import dev.storyc.diag.Code;
import dev.storyc.diag.Position;
import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.emit.OutputFile;
import dev.storyc.phi.Classification;
import dev.storyc.phi.Generalization;
import dev.storyc.phi.PhiClass;
import dev.storyc.phi.PhiPolicies;
import dev.storyc.phi.PhiPolicy;
import dev.storyc.phi.ProtectedColumn;
import dev.storyc.phi.SqlPhiFinding;
import dev.storyc.phi.SqlPhiRewriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's acceptance over the example, for SQL: no development, integration or acceptance
 * output stores a classified column untreated in any ETL job or schema script, as the proof's own
 * predicate judges it under that environment's policy; production's ETL does, which the same
 * predicate finds under a developer's policy, so the test can fail.
 */
class ExampleSqlPhiTest {
    static final Classification PATIENTS = Classification.of(List.of(
            column("mrn", PhiClass.IDENTIFIER), column("first_name", PhiClass.NAME),
            column("last_name", PhiClass.NAME), column("birth_date", PhiClass.BIRTH_DATE)));

    static ProtectedColumn column(String name, PhiClass phiClass) {
        return new ProtectedColumn("patients", "patients", name, phiClass,
                phiClass == PhiClass.BIRTH_DATE ? Optional.of(Generalization.YEAR)
                        : Optional.empty(), Position.of("stories/patients/schema/phi.toml", 1, 1));
    }

    @Test
    void noTreatedEnvironmentStoresAClassifiedColumnRaw() {
        int environments = 0;
        for (CompiledEnvironment compiled : ExampleGoldenTreesTest.COMPILED) {
            PhiPolicy policy = PhiPolicies.of(compiled.environment()).get();
            if (policy.allowsEverything()) {
                continue;
            }
            environments++;
            assertThat(rawUses(compiled, policy)).as(compiled.environment().name()).isEmpty();
            assertThat(compiled.tree().file("etl/patients/load_patients.sql").orElseThrow().text())
                    .contains("LEFT(MD5('").contains("'[redacted]' AS first_name")
                    .contains("CAST(DATE_TRUNC('year', p.birth_date) AS DATE) AS birth_date");
        }
        assertThat(environments).isEqualTo(6);
    }

    @Test
    void productionStoresThemAsTheFeedHasThem() {
        CompiledEnvironment production = find("production");
        PhiPolicy developer = PhiPolicies.of(find("dev-alice").environment()).get();
        String load = "E1120 etl/patients/load_patients.sql:";
        assertThat(rawUses(production, developer))
                .contains(load + 10, load + 11, load + 12, load + 13);
    }

    /** Returns {@code code path:line} of every untreated store in the output's SQL. */
    static List<String> rawUses(CompiledEnvironment compiled, PhiPolicy policy) {
        SqlPhiRewriter rewriter = new SqlPhiRewriter(PATIENTS, policy, List.of());
        List<String> found = new ArrayList<>();
        for (OutputFile file : compiled.tree().all()) {
            boolean etl = file.path().startsWith("etl/") && file.path().endsWith(".sql");
            boolean schema = file.path().startsWith("warehouse/")
                    && (file.path().endsWith("/deploy.sql") || file.path().endsWith("/revert.sql"));
            if (!etl && !schema) {
                continue;
            }
            Optional<TableName> target = file.path().equals("etl/patients/load_patients.sql")
                    ? TableName.parse("analytics.patients") : Optional.empty();
            for (SqlPhiFinding use : rewriter.rawUses(file.text(), target, false)) {
                assertThat(use.code()).isEqualTo(Code.PHI_RAW_USE);
                int line = (int) file.text().substring(0, use.offset()).chars()
                        .filter(c -> c == '\n').count() + 1;
                found.add(use.code().id() + " " + file.path() + ":" + line);
            }
        }
        return found;
    }

    static CompiledEnvironment find(String name) {
        return ExampleGoldenTreesTest.COMPILED.stream()
                .filter(c -> c.environment().name().equals(name)).findFirst().orElseThrow();
    }
}
