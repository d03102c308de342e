package dev.storyc.phi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Position;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SQL of each treatment, and its recognition by the proof. */
class TreatmentSqlTest {
    static final Position AT = Position.of("stories/p/schema/phi.toml", 2, 1);
    static final ProtectedColumn MRN = new ProtectedColumn("p", "patients", "mrn",
            PhiClass.IDENTIFIER,
            Optional.empty(), AT);
    static final ProtectedColumn BIRTH = new ProtectedColumn("p", "patients", "birth_date",
            PhiClass.BIRTH_DATE, Optional.of(Generalization.YEAR), AT);
    static final ProtectedColumn ZIP = new ProtectedColumn("p", "patients", "zip", PhiClass.QUASI,
            Optional.of(Generalization.ZIP3), AT);
    static final PseudonymKey KEY = PseudonymKey.derive("secret", "dev-alice");

    @Test
    void rendersEachTreatment() {
        String x = "${TABLE}.mrn";
        assertThat(TreatmentSql.render(new Treatment.Allow(), MRN, x)).isEqualTo(x);
        assertThat(TreatmentSql.render(new Treatment.Pseudonymize(KEY), MRN, x))
                .isEqualTo("LEFT(MD5('" + KEY.hex() + "' || CAST(${TABLE}.mrn AS VARCHAR)), 16)");
        assertThat(TreatmentSql.render(new Treatment.Redact(), MRN, x)).isEqualTo("'[redacted]'");
        assertThat(TreatmentSql.render(new Treatment.Generalize(), BIRTH, "b"))
                .isEqualTo("CAST(DATE_TRUNC('year', b) AS DATE)");
        assertThat(TreatmentSql.render(new Treatment.Redact(), BIRTH, "b"))
                .isEqualTo("CAST(NULL AS DATE)");
        assertThat(TreatmentSql.render(new Treatment.Generalize(), ZIP, "z"))
                .isEqualTo("LEFT(CAST(z AS VARCHAR), 3)");
        assertThat(TreatmentSql.render(new Treatment.Redact(), ZIP, "z")).isEqualTo("'000'");
    }

    @Test
    void recognisesOnlyItsOwnSqlAroundARead() {
        Treatment pseudonym = new Treatment.Pseudonymize(KEY);
        String treated = "SELECT " + TreatmentSql.render(pseudonym, MRN, "t.mrn") + " FROM t";
        int start = treated.indexOf("t.mrn");
        assertThat(TreatmentSql.isTreated(pseudonym, MRN, treated, start, start + 5)).isTrue();
        Treatment otherKey = new Treatment.Pseudonymize(PseudonymKey.derive("secret", "dev-bob"));
        assertThat(TreatmentSql.isTreated(otherKey, MRN, treated, start, start + 5)).isFalse();
        String raw = "SELECT LEFT(MD5(t.mrn), 16) FROM t";
        int at = raw.indexOf("t.mrn");
        assertThat(TreatmentSql.isTreated(pseudonym, MRN, raw, at, at + 5)).isFalse();
        assertThat(TreatmentSql.isTreated(new Treatment.Redact(), MRN, treated, start, start + 5))
                .isFalse();
        String year = TreatmentSql.render(new Treatment.Generalize(), BIRTH, "b");
        assertThat(TreatmentSql.isTreated(new Treatment.Generalize(), BIRTH, year, year
                .indexOf('b'),
                year.indexOf('b') + 1)).isTrue();
    }
}
