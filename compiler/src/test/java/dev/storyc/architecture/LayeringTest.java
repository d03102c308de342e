package dev.storyc.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/ARCHITECTURE.md, enforced: only the edges touch the outside world, and the
 * stages depend on each other in pipeline order only.
 */
class LayeringTest {
    static JavaClasses classes;

    /** Packages whose code must be pure: values in, values out, no disk, no git, no terminal. */
    static final String[] CORE = {
        "dev.storyc.diag..", "dev.storyc.toml..", "dev.storyc.remote..", "dev.storyc.config..", "dev.storyc.release..",
        "dev.storyc.render..", "dev.storyc.emit..", "dev.storyc.compile..", "dev.storyc.lookml..",
        "dev.storyc.check..", "dev.storyc.placement..", "dev.storyc.warehouse..", "dev.storyc.etl..",
        "dev.storyc.validate..", "dev.storyc.datatest..", "dev.storyc.site..", "dev.storyc.phi.."
    };

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.storyc");
    }

    @Test
    void onlyTheGitEdgesImportJgit() {
        noClasses().that().resideOutsideOfPackage("dev.storyc.publish..")
                .and().doNotHaveFullyQualifiedName("dev.storyc.workspace.SourceRepository")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.jgit..")
                .because("git is an edge: publish owns the output repositories and SourceRepository reads the"
                        + " workspace's own history (pinned stories); nothing else may touch git")
                .check(classes);
    }

    @Test
    void onlyCliImportsPicocli() {
        noClasses().that().resideOutsideOfPackage("dev.storyc.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .because("the command line is a thin edge over the stages")
                .check(classes);
    }

    @Test
    void coreStagesDoNoFileIo() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Paths")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileReader")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileWriter")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder")
                .because("core stages are pure functions from values to values; loaders and publishers do I/O")
                .check(classes);
    }

    @Test
    void coreStagesDoNotPrint() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("stages return diagnostics; only the CLI decides what to print")
                .check(classes);
    }

    @Test
    void coreStagesDoNotDependOnTheEdges() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("dev.storyc.cli..", "dev.storyc.publish..")
                .check(classes);
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.storyc.workspace.WorkspaceLoader")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.storyc.workspace.StdlibLoader")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.storyc.workspace.SourceRepository")
                .because("pinned trees reach compile through PinnedSources, which the CLI answers with git")
                .check(classes);
    }

    @Test
    void theCliCallsCompileInsteadOfRunningTheStagesItself() {
        noClasses().that().resideInAPackage("dev.storyc.cli..")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.storyc.compile.EnvironmentCompiler")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.storyc.release.StorySelector")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.storyc.render.StoryRenderer")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.storyc.emit.OutputTreeBuilder")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.storyc.emit.BackOut")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.storyc.emit.PreviousOutput")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.storyc.emit.CommitMessage")
                .because("compile owns the pipeline, pinned releases and the write order, so that check,"
                        + " compile and ci cannot drift apart; the CLI parses, calls compile and prints")
                .check(classes);
    }

    @Test
    void stagesFollowPipelineOrder() {
        noClasses().that().resideInAPackage("dev.storyc.config..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.storyc.release..", "dev.storyc.render..",
                        "dev.storyc.emit..", "dev.storyc.compile..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.storyc.release..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.storyc.render..", "dev.storyc.emit..",
                        "dev.storyc.compile..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.storyc.render..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.storyc.emit..", "dev.storyc.compile..")
                .check(classes);
        noClasses().that().resideInAnyPackage("dev.storyc.diag..", "dev.storyc.toml..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.storyc.workspace..", "dev.storyc.config..",
                        "dev.storyc.release..", "dev.storyc.render..", "dev.storyc.emit..", "dev.storyc.compile..")
                .check(classes);
    }

    @Test
    void etlPlansComeBeforeTheOutputTreeAndTheChecks() {
        noClasses().that().resideInAPackage("dev.storyc.etl..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.storyc.emit..", "dev.storyc.check..",
                        "dev.storyc.compile..", "dev.storyc.release..", "dev.storyc.config..")
                .because("the emit stage writes schedules and the checks read jobs through etl, not the reverse")
                .check(classes);
    }

    @Test
    void onlyTheDatabaseEdgeTalksToDatabases() {
        noClasses().that().resideOutsideOfPackage("dev.storyc.db..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.postgresql..")
                .because("the warehouse database is an edge: db opens connections, runs SQL and explains its"
                        + " failures; the stages before it plan with values")
                .check(classes);
    }

    @Test
    void warehousePlanningIsPure() {
        noClasses().that().resideInAPackage("dev.storyc.warehouse..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.postgresql..",
                        "dev.storyc.db..", "dev.storyc.cli..", "dev.storyc.publish..")
                .because("planning an apply is a pure function of the output plan and the registry's state;"
                        + " the db edge reads the one and runs the other")
                .check(classes);
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAPackage("dev.storyc.db..")
                .because("db is an edge: core stages never reach the database")
                .check(classes);
    }

    @Test
    void theSiteIsTheLastStage() {
        noClasses().that().resideOutsideOfPackages("dev.storyc.site..", "dev.storyc.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.storyc.site..")
                .because("the site renders what every other stage produced; only the command line calls it")
                .check(classes);
        noClasses().that().resideInAPackage("dev.storyc.site..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.storyc.compile..")
                .because("the site renders values gathered at the edge; it never compiles by itself")
                .check(classes);
    }

    @Test
    void placementIsDecidedBeforeAnythingIsWritten() {
        noClasses().that().resideInAPackage("dev.storyc.placement..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.storyc.workspace..", "dev.storyc.config..",
                        "dev.storyc.settings..", "dev.storyc.emit..", "dev.storyc.compile..")
                .because("the rules of where storyc may write see paths and positions only, so that every"
                        + " writer and check can ask them before anything is compiled or opened")
                .check(classes);
    }

    @Test
    void phiComesAfterTheChecksAndBeforeCompile() {
        noClasses().that().resideInAnyPackage("dev.storyc.diag..", "dev.storyc.toml..",
                        "dev.storyc.config..", "dev.storyc.workspace..", "dev.storyc.render..",
                        "dev.storyc.emit..", "dev.storyc.check..", "dev.storyc.lookml..")
                .should().dependOnClassesThat().resideInAPackage("dev.storyc.phi..")
                .because("the phi stage reads the checked column lists and rewrites rendered"
                        + " LookML; compile calls it, and the earlier stages know nothing of PHI")
                .check(classes);
    }

    @Test
    void theCacheIsAStoreThatKnowsNoStage() {
        noClasses().that().resideInAPackage("dev.storyc.cache..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.storyc.config..",
                        "dev.storyc.release..", "dev.storyc.render..", "dev.storyc.emit..",
                        "dev.storyc.check..", "dev.storyc.compile..", "dev.storyc.publish..",
                        "dev.storyc.settings..", "dev.storyc.cli..")
                .because("the cache stores bytes under content keys; what an entry means is decided"
                        + " by the stage that asks (compile, through Reuse) and the edge that"
                        + " answers (cli)")
                .check(classes);
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAPackage("dev.storyc.cache..")
                .because("the cache is I/O: pure stages ask through compile.Reuse, which the CLI"
                        + " implements")
                .check(classes);
    }

    @Test
    void stagesHaveNoCycles() {
        slices().matching("dev.storyc.(*)..").should().beFreeOfCycles().check(classes);
    }
}
