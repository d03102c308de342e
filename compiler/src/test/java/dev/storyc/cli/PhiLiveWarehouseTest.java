package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.PostgresServer;
import dev.storyc.testing.Storyc;
import dev.storyc.testing.WarehouseWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test of PHI in SQL, on PostgreSQL with no mock: the example workspace is
 * compiled for a developer ({@code dev-alice}) and for production, each deployed with {@code
 * warehouse apply} into a database of its own, seeded with {@code seed/raw_ehr.sql} and loaded
 * with {@code etl run}. Then every text, date and timestamp column of every table in every schema
 * of each database is searched for every MRN, first name, last name and birth date the seed holds.
 *
 * <p>What is searched, honestly: the seeded values are read back from the seed's own table
 * ({@code raw_ehr.ehr_patients}), so the test cannot drift from the seed. That schema itself is
 * left out of the search: it is the raw feed the test loads by hand, which storyc reads but never
 * writes, and in a real developer database it is the EHR's synthetic extract or a view onto an
 * access-controlled source. Everything else is searched, the {@code storyc} registry (run records,
 * deployed scripts) included: that is everything storyc writes. Text matches a whole word anywhere
 * in the value (so {@code 'Ada Lovelace'} or {@code 'MRN0001-x'} would count), dates match by day.
 *
 * <p>The same search over production's database must find the raw values in {@code
 * analytics.patients}, so the test fails if the search itself finds nothing anywhere. PostgreSQL
 * is required: under {@code CI=true} a missing server fails the test instead of skipping it.
 */
class PhiLiveWarehouseTest {
    private static final String PASSWORD = LiveWarehouseFixture.PASSWORD_VARIABLE;

    @TempDir Path workspace;

    @Test
    void aDevelopmentDatabaseHoldsNoSeededPhiAndProductionsHoldsIt() throws Exception {
        PostgresServer server = PostgresServer.shared();
        try (PostgresServer.Database dev = server.createDatabase("phi_dev");
                PostgresServer.Database production = server.createDatabase("phi_prod")) {
            Checkout.copyExampleWorkspace(workspace);
            Path environments = workspace.resolve("environments.toml");
            String original = Checkout.read(environments);
            String pointed = original
                    .replace("warehouse.database = \"dev_${params.name}\"\n"
                            + "warehouse.user = \"${params.name}\"\n",
                            dev.warehouseToml("analytics", PASSWORD)
                                    + "shares_with_production = [\"warehouse.host\","
                                    + " \"warehouse.port\", \"warehouse.user\"]\n")
                    .replace("warehouse.host = \"warehouse-prod.acme-health.internal\"\n"
                            + "warehouse.database = \"analytics_prod\"\n"
                            + "warehouse.password = \"${env:STORYC_PROD_WAREHOUSE_PASSWORD}\"\n",
                            production.warehouseToml("analytics", PASSWORD))
                    // One test database for the developer template: only alice may use it (E0234).
                    .replace("[developers]\ncobbr2 = {}\nalice = {}\nbob = {}\n", "[developers]\nalice = {}\n");
            assertThat(pointed).as("both environments point at the test server")
                    .contains(dev.name()).contains(production.name());
            Checkout.write(environments, pointed);

            String seed = Files.readString(workspace.resolve("seed/raw_ehr.sql"));
            for (var target : List.of(Map.entry("dev-alice", dev),
                    Map.entry("production", production))) {
                ok("compile", "--env", target.getKey());
                ok("warehouse", "apply", "--env", target.getKey());
                target.getValue().execute(seed);
                assertThat(ok("etl", "run", "--env", target.getKey()).stdout())
                        .contains("succeeded patients/load_patients");
            }

            Set<String> words = new LinkedHashSet<>();
            Set<String> dates = new LinkedHashSet<>();
            for (String row : WarehouseWorkspace.rows(dev, "SELECT mrn, first_name, last_name,"
                    + " CAST(birth_date AS TEXT) FROM raw_ehr.ehr_patients ORDER BY patient_id")) {
                String[] values = row.split("\\|");
                words.addAll(List.of(values[0], values[1], values[2]));
                dates.add(values[3]);
            }
            assertThat(words).contains("MRN0001", "Lovelace");
            assertThat(dates).contains("1958-12-10");

            assertThat(found(dev, words, dates)).as("raw PHI in dev-alice's database").isEmpty();
            List<String> inProduction = found(production, words, dates);
            assertThat(inProduction).contains("analytics.patients.mrn = MRN0001",
                    "analytics.patients.last_name = Lovelace",
                    "analytics.patients.birth_date = 1958-12-10");
            assertThat(Files.readString(workspace.resolve("out/dev-alice/etl/patients/"
                    + "load_patients.sql"))).contains("LEFT(MD5('").contains("'[redacted]'");
        }
    }

    /**
     * Returns {@code schema.table.column = value} for every seeded value found in the database,
     * outside the raw feed's schema and PostgreSQL's own.
     */
    static List<String> found(PostgresServer.Database database, Set<String> words,
            Set<String> dates) {
        List<String> found = new ArrayList<>();
        for (String column : WarehouseWorkspace.rows(database, "SELECT table_schema, table_name,"
                + " column_name, data_type FROM information_schema.columns c WHERE table_schema"
                + " NOT IN ('raw_ehr', 'pg_catalog', 'information_schema')"
                + " AND table_schema NOT LIKE 'pg_%' ORDER BY 1, 2, 3")) {
            String[] parts = column.split("\\|");
            String name = parts[0] + "." + parts[1] + "." + parts[2];
            String quoted = "\"" + parts[0] + "\".\"" + parts[1] + "\".\"" + parts[2] + "\"";
            String from = " FROM \"" + parts[0] + "\".\"" + parts[1] + "\"";
            String type = parts[3];
            Set<String> values = type.startsWith("date") || type.startsWith("timestamp")
                    ? dates : textual(type) ? words : Set.of();
            if (values.isEmpty()) {
                continue;
            }
            // One query per column: which of the values does any of its rows hold?
            String list = String.join(", ", values.stream().map(v -> "'" + v + "'").toList());
            String test = values == dates
                    ? "CAST(" + quoted + " AS DATE) = CAST(v AS DATE)"
                    : "CAST(" + quoted + " AS TEXT) ~ ('\\m' || v || '\\M')";
            for (String value : WarehouseWorkspace.rows(database, "SELECT v FROM unnest(ARRAY["
                    + list + "]) AS v WHERE EXISTS (SELECT 1" + from + " WHERE " + test
                    + ") ORDER BY v")) {
                found.add(name + " = " + value);
            }
        }
        return found;
    }

    private static boolean textual(String type) {
        return type.equals("text") || type.startsWith("character") || type.equals("json")
                || type.equals("jsonb") || type.equals("name") || type.equals("USER-DEFINED");
    }

    private Storyc.Outcome ok(String... args) {
        Map<String, String> environment =
                new HashMap<>(PostgresServer.Database.passwordEnvironment(PASSWORD));
        Storyc.Outcome outcome = Storyc.run(workspace, environment, args);
        assertThat(outcome.exitCode()).as(String.join(" ", args) + "\n" + outcome).isZero();
        return outcome;
    }
}
