package dev.storyc.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.storyc.diag.Diagnostic;
import dev.storyc.lookml.Lookml;
import dev.storyc.lookml.model.Explore;
import dev.storyc.lookml.model.Join;
import dev.storyc.lookml.model.Located;
import dev.storyc.lookml.model.LookmlFile;
import dev.storyc.lookml.model.View;
import dev.storyc.lookml.syntax.ParsedFile;
import dev.storyc.testing.Checkout;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs the field reference resolution (Liquid's included) over the real LookML of {@code
 * ../shared/corpus/lookml}: every
 * valid file, grouped into its project, must resolve without a crash, and every project whose files
 * are complete (each view an explore, join or {@code extends} names is there, no dependency on
 * another project) must resolve without a single diagnostic. A project that is not complete is
 * still resolved, for the no-crash half.
 */
class CorpusFieldReferencesTest {
    static final Path CORPUS = Checkout.root().resolve("../shared/corpus/lookml").normalize();
    private static final String BRAINTREE =
            "looker-open-source+refined-braintree-core/views/transaction.view.lkml";
    private static final String SA360 = "looker-open-source+block-sa360-marketplace/views/";

    /**
     * Real mistakes in the corpus, which Looker's validator reports too: drill fields naming a
     * field view `campaign` lacks, and views no explore joins (`keyword_events_core`,
     * `keyword_core`); and Liquid filters given arguments without `:` (`replace '-', '/'`), which
     * Liquid's lax parser leaves the filter without its first argument for, so that Looker renders
     * a Liquid error into the link. Finding them is the point; anything else is a false alarm.
     */
    static final List<String> GENUINE =
            List.of(
                    BRAINTREE + ":364:34 E0624",
                    BRAINTREE + ":368:34 E0624",
                    BRAINTREE + ":372:34 E0624",
                    BRAINTREE + ":376:34 E0624",
                    SA360 + "campaign_conversion_events.view.lkml:166:60 E0621",
                    SA360 + "keyword_conversion_events.view.lkml:187:75 E0621",
                    SA360 + "keyword_conversion_events.view.lkml:196:32 E0621");

    @Test
    void everyCompleteProjectOfTheCorpusResolvesWithoutAFalseAlarm() throws IOException {
        assumeTrue(
                Files.isDirectory(CORPUS),
                "../shared/corpus/lookml is absent: the corpus check is skipped");
        Set<String> invalid = invalidFiles();
        Map<Path, List<Path>> projects = projects(invalid);
        int complete = 0;
        int files = 0;
        List<String> alarms = new ArrayList<>();
        for (var project : projects.entrySet()) {
            List<LookmlFile> parsed = new ArrayList<>();
            for (Path file : project.getValue()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                ParsedFile tree = Lookml.parse(CORPUS.relativize(file).toString(), text);
                parsed.add(Lookml.model(tree));
                files++;
            }
            List<Diagnostic> found = resolve(parsed);
            if (isComplete(parsed)) {
                complete++;
                found.forEach(d -> alarms.add(d.position() + " " + d.code().id()));
            }
        }
        System.out.printf(
                "corpus: %d files in %d projects, %d complete, %d findings (%d genuine)%n",
                files, projects.size(), complete, alarms.size(), GENUINE.size());
        assertThat(files).isGreaterThan(400);
        assertThat(complete).isGreaterThan(10);
        assertThat(alarms)
                .as("findings beyond the known mistakes are false alarms")
                .containsExactlyInAnyOrderElementsOf(GENUINE);
    }

    /**
     * Runs {@link FieldReferences} and {@link LiquidReferences} over one project's files, as an
     * environment's check does.
     */
    static List<Diagnostic> resolve(List<LookmlFile> files) {
        Map<String, View> views = new LinkedHashMap<>();
        List<View> viewRefinements = new ArrayList<>();
        Map<String, Explore> explores = new LinkedHashMap<>();
        List<Explore> exploreRefinements = new ArrayList<>();
        for (LookmlFile file : files) {
            for (View view : file.views()) {
                if (view.refinement()) {
                    viewRefinements.add(view);
                } else {
                    views.putIfAbsent(view.name(), view);
                }
            }
            for (Explore explore : file.explores()) {
                if (explore.refinement()) {
                    exploreRefinements.add(explore);
                } else {
                    explores.putIfAbsent(explore.name(), explore);
                }
            }
        }
        LookmlCatalog catalog =
                new LookmlCatalog(views, viewRefinements, explores, exploreRefinements);
        List<Diagnostic> found = new ArrayList<>();
        FieldReferences references =
                new FieldReferences(catalog, found::add, view -> Optional.empty());
        LiquidReferences liquid = new LiquidReferences(catalog, found::add);
        for (LookmlFile file : files) {
            file.views().forEach(v -> references.view(v, (at, token) -> at));
            file.explores().forEach(e -> references.explore(e, (at, token) -> at));
            file.views().forEach(v -> liquid.view(v, (at, token) -> at));
            file.explores().forEach(e -> liquid.explore(e, (at, token) -> at));
        }
        return found;
    }

    /**
     * Returns true when the project has a model, and every view the project's explores and views
     * name is in the project.
     */
    static boolean isComplete(List<LookmlFile> files) {
        Set<String> views =
                files.stream()
                        .flatMap(f -> f.views().stream())
                        .filter(v -> !v.refinement())
                        .map(View::name)
                        .collect(Collectors.toSet());
        Set<String> explores =
                files.stream()
                        .flatMap(f -> f.explores().stream())
                        .filter(e -> !e.refinement())
                        .map(Explore::name)
                        .collect(Collectors.toSet());
        boolean hasModel = files.stream().anyMatch(f -> f.modelName().isPresent());
        if (!hasModel
                || views.isEmpty()
                || files.stream()
                        .anyMatch(
                                f ->
                                        f.manifest()
                                                .map(m -> !m.localDependencies().isEmpty())
                                                .orElse(false))) {
            return false;
        }
        for (LookmlFile file : files) {
            for (View view : file.views()) {
                if (!views.contains(view.name())
                        || view.extendsViews().stream()
                                .map(Located::value)
                                .anyMatch(v -> !views.contains(v))) {
                    return false;
                }
            }
            for (Explore explore : file.explores()) {
                if (explore.extendsExplores().stream()
                                .map(Located::value)
                                .anyMatch(e -> !explores.contains(e))
                        || explore.refinement() && !explores.contains(explore.name())) {
                    return false;
                }
                boolean namesView = !explore.refinement() && explore.extendsExplores().isEmpty();
                if (namesView && !views.contains(explore.baseView())
                        || explore.joins().stream()
                                .map(Join::view)
                                .anyMatch(v -> !views.contains(v))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Set<String> invalidFiles() throws IOException {
        return Files.readAllLines(CORPUS.resolve("_INVALID_FILES.txt")).stream()
                .map(l -> l.split("\\s+#")[0].strip())
                .filter(l -> !l.isEmpty())
                .collect(Collectors.toSet());
    }

    /**
     * Groups the valid {@code .lkml} files by project: a folder with a manifest, a folder of a
     * test-project collection, else the repository's folder; each file goes to the deepest one.
     */
    private static Map<Path, List<Path>> projects(Set<String> invalid) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            all =
                    walk.filter(p -> p.toString().endsWith(".lkml"))
                            .filter(p -> !invalid.contains(CORPUS.relativize(p).toString()))
                            .sorted()
                            .toList();
        }
        List<Path> roots = new ArrayList<>();
        try (Stream<Path> top = Files.list(CORPUS)) {
            top.filter(Files::isDirectory).forEach(roots::add);
        }
        for (Path file : all) {
            Path folder = file.getParent();
            if (file.getFileName().toString().equals("manifest.lkml") && !roots.contains(folder)) {
                roots.add(folder);
            }
            for (Path p = folder; p != null && p.startsWith(CORPUS); p = p.getParent()) {
                Path parent = p.getParent();
                if (parent != null
                        && (parent.endsWith("test-projects") || parent.endsWith("dummy-projects"))
                        && !roots.contains(p)) {
                    roots.add(p);
                }
            }
        }
        roots.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        Map<Path, List<Path>> projects = new TreeMap<>();
        for (Path file : all) {
            roots.stream()
                    .filter(file::startsWith)
                    .findFirst()
                    .ifPresent(
                            root ->
                                    projects.computeIfAbsent(root, k -> new ArrayList<>())
                                            .add(file));
        }
        return projects;
    }
}
