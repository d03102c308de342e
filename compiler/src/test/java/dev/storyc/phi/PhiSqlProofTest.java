package dev.storyc.phi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.check.SchemaTables;
import dev.storyc.check.TableName;
import dev.storyc.diag.Code;
import dev.storyc.diag.Position;
import dev.storyc.diag.SourceFile;
import dev.storyc.render.RenderedFile;
import dev.storyc.workspace.ArtifactKind;
import dev.storyc.workspace.StoryFile;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The other half of every treated SQL row of {@link PhiSqlSmugglingRows}: had the rewrite not run,
 * the proof's predicate over the same SQL ({@link SqlPhiRewriter#rawUses}) would have refused it
 * with E1120 at the row's line. So a treated row is caught twice: by the rewrite, and by the proof
 * if the rewrite ever missed it.
 */
class PhiSqlProofTest {
    static final List<SchemaTables.Table> SCHEMA = List.of(
            new SchemaTables.Table("patients", "patients", List.of("patient_id", "mrn",
                    "first_name", "last_name", "birth_date"), Optional.empty(), java.util.Map.of()),
            new SchemaTables.Table("visits", "patients", List.of("visit_id", "patient_id"),
                    Optional.empty(), java.util.Map.of()));

    static final Classification CLASSIFICATION = Classification.of(List.of(
            column("mrn", PhiClass.IDENTIFIER, 2), column("first_name", PhiClass.NAME, 3),
            column("last_name", PhiClass.NAME, 4), column("birth_date", PhiClass.BIRTH_DATE, 5)));

    static ProtectedColumn column(String name, PhiClass phiClass, int line) {
        return new ProtectedColumn("patients", "patients", name, phiClass,
                phiClass.defaultGeneralization(),
                Position.of("stories/patients/schema/phi.toml", line, 1));
    }

    static PhiPolicy development() {
        Map<PhiClass, Treatment> treatments = new EnumMap<>(PhiClass.class);
        Map<PhiClass, Position> at = new EnumMap<>(PhiClass.class);
        for (PhiClass phiClass : PhiClass.values()) {
            treatments.put(phiClass, new Treatment.Redact());
            at.put(phiClass, Position.of("environments.toml", 1, 1));
        }
        treatments.put(PhiClass.IDENTIFIER, new Treatment.Pseudonymize(
                PseudonymKey.derive("a-key-for-tests-only", "dev")));
        treatments.put(PhiClass.BIRTH_DATE, new Treatment.Generalize());
        return new PhiPolicy("dev", treatments, at);
    }

    /** The treated rows: name, path, text, line. */
    static Stream<Arguments> treatedRows() {
        return PhiSqlSmugglingRows.rows()
                .map(Arguments::get)
                .filter(row -> PhiSmugglingTest.TREATED.equals(row[3]))
                .map(row -> Arguments.of(row[0], row[1], row[2], row[4]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("treatedRows")
    void theProofRefusesTheRowUntreated(String name, String path, String text, int line) {
        String rendered = text.replace("<% env.warehouse.schema %>", "analytics");
        ArtifactKind kind = ArtifactKind.of(path).orElseThrow();
        String file = "stories/patients/" + path;
        RenderedFile renderedFile = new RenderedFile(new StoryFile(new SourceFile(file, text),
                kind, path), rendered);
        Optional<SqlColumns.LookmlView> patients =
                Optional.of(new SqlColumns.LookmlView(TableName.parse("analytics.patients")));
        SqlPhiRewriter rewriter = new SqlPhiRewriter(CLASSIFICATION, development(), SCHEMA,
                view -> view.equals("patients") ? patients : Optional.empty());
        SourceFile lines = new SourceFile(file, rendered);
        List<String> found = SqlSources.of(renderedFile, rendered).stream()
                .flatMap(source -> rewriter.rawUses(source.sql(),
                        source.place() == SqlProtection.Place.ETL_SCRIPT
                                ? TableName.parse("analytics.visits") : Optional.empty(),
                        source.place() == SqlProtection.Place.DERIVED_TABLE).stream()
                        .map(use -> use.code().id() + " " + file + ":"
                                + lines.positionOf(source.offset() + use.offset()).line()))
                .toList();
        assertThat(found).as(name).contains(Code.PHI_RAW_USE.id() + " " + file + ":" + line);
    }
}
