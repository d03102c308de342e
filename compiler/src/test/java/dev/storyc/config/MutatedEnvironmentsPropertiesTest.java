package dev.storyc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.storyc.diag.Result;
import dev.storyc.diag.SourceFile;
import dev.storyc.testing.Checkout;
import dev.storyc.workspace.ImportedFile;
import dev.storyc.workspace.StdlibLoader;
import dev.storyc.workspace.Workspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random edits of valid environments.toml files give either environments or diagnostics: never an
 * exception, never a hang. The edits favour the language's own syntax (references, extends,
 * tables, templates), where a careless evaluator would recurse or crash.
 */
class MutatedEnvironmentsPropertiesTest {
    static final String EXAMPLE = Checkout.read(Checkout.root().resolve("environments.toml"));
    static final String SHARED = Checkout.read(ConfigFixtures.CONFIG.resolve("shared/bases.toml"));
    static final List<String> SNIPPETS = List.of("${", "}", "$${", "[", "]", "{", "}", "\"", "'", "=", "\n", ".",
            "${warehouse.database}", "${environments.production.warehouse}", "${environments.dev-alice.connection}",
            "${connection}", "${env:STORYC_TEST_WAREHOUSE_PASSWORD}", "${env:X:-y}", "${sys:user.name}",
            "${file:/etc/passwd}", "${params.name}", "extends = [\"production\"]\n", "extends = [\"test-cluster\"]\n",
            "[environments.x]\n", "[templates.developer]\n", "[developers]\nzed = {}\n", "[bases.redshift]\n",
            "imports = [{ path = \"shared/bases.toml\" }]\n", "[types.variables.x]\ntype = \"int\"\n",
            "params = { t = { type = \"string\" } }\n", "\u0000", "\uFEFF", "\\", "\"\"\"", "#", "-1", "1e999",
            "warehouse = \"${warehouse}\"\n", "connection = \"${project_name}\"\nproject_name = \"${connection}\"\n");

    record Edit(int kind, double at, double length, String snippet) {}

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1),
                Arbitraries.of(SNIPPETS)).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> sources() {
        return Arbitraries.of(EXAMPLE, SHARED + "\n[environments.e]\nextends = [\"shared\"]\nkind = \"integration\"\n"
                + "connection = \"c\"\nwarehouse.database = \"d\"\n");
    }

    @Property(tries = 400)
    void evaluationEndsInAResultOrDiagnostics(@ForAll("sources") String source, @ForAll("edits") List<Edit> edits) {
        String mutated = apply(source, edits);
        Result<Evaluation> result = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> evaluate(mutated));
        assertThat(result.ok() || !result.diagnostics().isEmpty()).as(mutated).isTrue();
        result.diagnostics().forEach(d -> assertThat(d.toString()).doesNotContain(ConfigFixtures.CANARY));
    }

    static Result<Evaluation> evaluate(String text) {
        var stdlib = StdlibLoader.load();
        Map<String, ImportedFile> imports = new TreeMap<>();
        imports.put("shared/bases.toml", new ImportedFile.Loaded(new SourceFile("shared/bases.toml", SHARED),
                "0".repeat(64)));
        Workspace workspace = new Workspace(Optional.of(new SourceFile("environments.toml", text)), new TreeMap<>(),
                new TreeMap<>(), Map.of(), Optional.empty(), stdlib, new TreeMap<>(imports), List.of());
        return EnvironmentResolver.evaluate(workspace, ConfigFixtures.PROCESS);
    }

    static String apply(String source, List<Edit> edits) {
        StringBuilder text = new StringBuilder(source);
        for (Edit edit : edits) {
            int at = (int) (edit.at() * text.length());
            int length = Math.min(text.length() - at, (int) (edit.length() * 40));
            switch (edit.kind()) {
                case 0 -> text.delete(at, at + length);
                case 1 -> text.insert(at, edit.snippet());
                case 2 -> text.replace(at, at + length, edit.snippet());
                default -> {
                    List<String> lines = new ArrayList<>(text.toString().lines().toList());
                    if (!lines.isEmpty()) {
                        int i = (int) (edit.at() * lines.size()) % lines.size();
                        lines.add((int) (edit.length() * lines.size()) % lines.size(), lines.get(i));
                    }
                    text = new StringBuilder(String.join("\n", lines));
                }
            }
        }
        return text.toString();
    }
}
