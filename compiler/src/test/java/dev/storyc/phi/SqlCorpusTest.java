package dev.storyc.phi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Code;
import dev.storyc.diag.Position;
import dev.storyc.lookml.Corpus;
import dev.storyc.lookml.Lookml;
import dev.storyc.lookml.model.DerivedTable;
import dev.storyc.lookml.model.Located;
import dev.storyc.lookml.model.View;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The SQL half over real derived tables: every {@code derived_table: { sql: ... }} of the shared
 * LookML corpus, under a policy that redacts the contact and name columns of the tables real
 * projects call {@code users}, {@code customers} and {@code contact}. Whatever the SQL, the
 * analysis never throws, the rewrite keeps every line, compiling compiled SQL changes nothing,
 * and the proof finds nothing raw left in what the rewrite produced.
 */
class SqlCorpusTest {
    static final Classification PEOPLE = Classification.of(Stream.of("users", "customers",
                    "contact")
            .flatMap(table -> Stream.of(
                    column(table, "email", PhiClass.CONTACT),
                    column(table, "property_email", PhiClass.CONTACT),
                    column(table, "phone", PhiClass.CONTACT),
                    column(table, "first_name", PhiClass.NAME),
                    column(table, "last_name", PhiClass.NAME),
                    column(table, "name", PhiClass.NAME)))
            .toList());

    static ProtectedColumn column(String table, String name, PhiClass phiClass) {
        return new ProtectedColumn("people", table, name, phiClass, Optional.empty(),
                Position.of("stories/people/schema/phi.toml", 1, 1));
    }

    @Test
    void everyDerivedTableOfTheCorpusIsReadAndRewrittenLineForLine() throws Exception {
        Path corpus = Corpus.require();
        List<String> invalid = Corpus.invalid(corpus);
        SqlPhiRewriter rewriter = new SqlPhiRewriter(PEOPLE, PhiPolicy.uniform("dev",
                new Treatment.Redact(), Position.of("environments.toml", 1, 1)), List.of());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".lkml")).sorted().toList();
        }
        int derived = 0;
        int rewritten = 0;
        List<String> raw = new ArrayList<>();
        for (Path file : files) {
            String relative = corpus.relativize(file).toString();
            if (invalid.contains(relative)) {
                continue;
            }
            String text = Files.readString(file);
            for (View view : Lookml.model(Lookml.parse(relative, text)).views()) {
                Optional<Located> sql = view.derivedTable().flatMap(DerivedTable::sql);
                if (sql.isEmpty()) {
                    continue;
                }
                derived++;
                String query = sql.get().value();
                String once = rewriter.derivedTable(query).text();
                assertThat(once.lines().count()).as(relative).isEqualTo(query.lines().count());
                assertThat(rewriter.derivedTable(once).text()).as(relative).isEqualTo(once);
                if (!once.equals(query)) {
                    rewritten++;
                }
                rewriter.rawUses(once, Optional.empty(), true).stream()
                        .filter(use -> use.code() == Code.PHI_RAW_USE)
                        .forEach(use -> raw.add(relative + " " + use.message()));
            }
        }
        assertThat(derived).as("derived tables in the corpus").isGreaterThan(50);
        assertThat(rewritten).as("derived tables reading a classified column").isPositive();
        assertThat(raw).isEmpty();
    }
}
