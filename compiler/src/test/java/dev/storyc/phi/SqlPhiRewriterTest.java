package dev.storyc.phi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.check.SchemaTables;
import dev.storyc.check.TableName;
import dev.storyc.diag.Code;
import dev.storyc.diag.Position;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rewrite of ETL and derived-table SQL under a development policy: identifiers pseudonymized,
 * names redacted, birth dates generalized. Each test pins the compiled text byte for byte.
 */
class SqlPhiRewriterTest {
    static final PseudonymKey KEY = new PseudonymKey("0123456789abcdef0123456789abcdef");
    static final String PSEUDO = "LEFT(MD5('" + KEY.hex() + "' || CAST(";
    static final List<SchemaTables.Table> SCHEMA = List.of(
            new SchemaTables.Table("patients", "patients", List.of("patient_id", "mrn",
                    "first_name", "last_name", "birth_date", "zip3"), Optional.empty(), java.util.Map.of()),
            new SchemaTables.Table("cohort", "research", List.of("k", "age", "name"),
                    Optional.empty(), java.util.Map.of()));

    static ProtectedColumn column(String name, PhiClass phiClass, int line) {
        return new ProtectedColumn("patients", "patients", name, phiClass,
                phiClass == PhiClass.BIRTH_DATE ? Optional.of(Generalization.YEAR)
                        : Optional.empty(),
                Position.of("stories/patients/schema/phi.toml", line, 1));
    }

    static final Classification CLASSIFICATION = Classification.of(List.of(
            column("mrn", PhiClass.IDENTIFIER, 2), column("first_name", PhiClass.NAME, 3),
            column("last_name", PhiClass.NAME, 4), column("birth_date", PhiClass.BIRTH_DATE, 5)));

    static PhiPolicy development() {
        Map<PhiClass, Treatment> treatments = new EnumMap<>(PhiClass.class);
        for (PhiClass phiClass : PhiClass.values()) {
            treatments.put(phiClass, new Treatment.Redact());
        }
        treatments.put(PhiClass.IDENTIFIER, new Treatment.Pseudonymize(KEY));
        treatments.put(PhiClass.BIRTH_DATE, new Treatment.Generalize());
        Map<PhiClass, Position> at = new EnumMap<>(PhiClass.class);
        treatments.keySet().forEach(c -> at.put(c, Position.of("environments.toml", 1, 1)));
        return new PhiPolicy("dev-alice", treatments, at);
    }

    static final SqlPhiRewriter DEV = new SqlPhiRewriter(CLASSIFICATION, development(), SCHEMA);

    @Test
    void theLoadOfAClassifiedTableTreatsEachColumnByItsClass() {
        String sql = "INSERT INTO a.patients (patient_id, mrn, first_name, birth_date)\n"
                + "SELECT p.patient_id, p.mrn, UPPER(p.first_name), p.birth_date\n"
                + "FROM raw.ehr_patients p;";
        SqlPhiRewriter.Rewritten out = DEV.script(sql, Optional.empty());
        assertThat(out.problems()).isEmpty();
        assertThat(out.text()).isEqualTo(
                "INSERT INTO a.patients (patient_id, mrn, first_name, birth_date)\n"
                + "SELECT p.patient_id, " + PSEUDO + "p.mrn AS VARCHAR)), 16) AS mrn,"
                + " '[redacted]' AS upper,"
                + " CAST(DATE_TRUNC('year', p.birth_date) AS DATE) AS birth_date\n"
                + "FROM raw.ehr_patients p;");
    }

    @Test
    void aQueryLoadedByNameKeepsItsColumnNames() {
        String sql = "SELECT r.mrn AS mrn, r.id AS patient_id FROM raw.feed r";
        assertThat(DEV.script(sql, TableName.parse("a.patients")).text()).isEqualTo(
                "SELECT " + PSEUDO + "r.mrn AS VARCHAR)), 16) AS mrn, r.id AS patient_id"
                + " FROM raw.feed r");
    }

    @Test
    void aProtectedColumnReadIntoAnotherTableIsTreatedWhereItIsRead() {
        String sql = "INSERT INTO a.cohort (k, age, name)\n"
                + "WITH x AS (SELECT mrn, birth_date FROM a.patients)\n"
                + "SELECT x.mrn, EXTRACT(YEAR FROM x.birth_date), p.first_name || p.last_name\n"
                + "FROM x, a.patients p";
        SqlPhiRewriter.Rewritten out = DEV.script(sql, Optional.empty());
        assertThat(out.problems()).isEmpty();
        assertThat(out.text()).isEqualTo("INSERT INTO a.cohort (k, age, name)\n"
                + "WITH x AS (SELECT " + PSEUDO + "mrn AS VARCHAR)), 16) AS mrn,"
                + " CAST(DATE_TRUNC('year', birth_date) AS DATE) AS birth_date FROM a.patients)\n"
                + "SELECT x.mrn, EXTRACT(YEAR FROM x.birth_date), '[redacted]' || '[redacted]'\n"
                + "FROM x, a.patients p");
        assertThat(out.text().lines().count()).isEqualTo(sql.lines().count());
    }

    @Test
    void aRedactedItemKeepsTheLinesItSpanned() {
        String sql = "INSERT INTO a.patients (first_name, mrn)\n"
                + "SELECT CASE\n         WHEN r.given IS NULL THEN ''\n"
                + "         ELSE r.given END,\n       r.id\nFROM raw.feed r";
        String out = DEV.script(sql, Optional.empty()).text();
        assertThat(out).isEqualTo("INSERT INTO a.patients (first_name, mrn)\n"
                + "SELECT '[redacted]'\n\n,\n       " + PSEUDO
                + "r.id AS VARCHAR)), 16) AS id\nFROM raw.feed r");
        assertThat(out.lines().count()).isEqualTo(sql.lines().count());
    }

    @Test
    void aCopyIntoAColumnOfTheSameClassIsLeftAsLoaded() {
        String sql = "INSERT INTO a.patients (mrn) SELECT q.mrn FROM a.patients q";
        assertThat(DEV.script(sql, Optional.empty()).text()).isEqualTo(sql);
    }

    @Test
    void compiledSqlHasNothingLeftToTreat() {
        String sql = "INSERT INTO a.cohort (k, name) SELECT p.mrn, p.first_name || '!'"
                + " FROM a.patients p";
        String compiled = DEV.script(sql, Optional.empty()).text();
        assertThat(DEV.script(compiled, Optional.empty()).text()).isEqualTo(compiled);
        assertThat(DEV.rawUses(compiled, Optional.empty(), false)).isEmpty();
        List<SqlPhiFinding> raw = DEV.rawUses(sql, Optional.empty(), false);
        assertThat(raw).extracting(SqlPhiFinding::code, SqlPhiFinding::offset).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Code.PHI_RAW_USE, sql.indexOf("p.mrn")),
                org.assertj.core.groups.Tuple.tuple(Code.PHI_RAW_USE,
                        sql.indexOf("p.first_name")));
        assertThat(raw.get(0).column().orElseThrow().declaredAt().line()).isEqualTo(2);
    }

    @Test
    void aDerivedTableIsTreated() {
        String sql = "SELECT p.patient_id, p.mrn FROM a.patients p";
        assertThat(DEV.derivedTable(sql).text()).isEqualTo(
                "SELECT p.patient_id, " + PSEUDO + "p.mrn AS VARCHAR)), 16) AS mrn"
                + " FROM a.patients p");
    }

    @Test
    void productionChangesNothing() {
        SqlPhiRewriter production = new SqlPhiRewriter(CLASSIFICATION,
                PhiPolicy.uniform("production", new Treatment.Allow(),
                        Position.of("environments.toml", 1, 1)), SCHEMA);
        String sql = "INSERT INTO a.cohort (k) SELECT decrypt(p.mrn) FROM a.patients p";
        assertThat(production.script(sql, Optional.empty()))
                .isEqualTo(new SqlPhiRewriter.Rewritten(sql, List.of()));
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        String sql = "INSERT INTO a.cohort (k, age, name) SELECT p.mrn, p.birth_date,"
                + " p.last_name FROM a.patients p UNION SELECT q.mrn, q.birth_date, q.first_name"
                + " FROM a.patients q";
        assertThat(DEV.script(sql, Optional.empty()))
                .isEqualTo(DEV.script(sql, Optional.empty()));
    }
}
