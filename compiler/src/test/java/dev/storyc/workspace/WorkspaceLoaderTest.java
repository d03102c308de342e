package dev.storyc.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.diag.Result;
import dev.storyc.testing.Checkout;
import dev.storyc.testing.GitCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceLoaderTest {
    static final Path MINIMAL = Checkout.root().resolve("compiler/src/test/resources/cases/minimal");

    @Test
    void dropsAUtf8ByteOrderMark(@TempDir Path temp) throws Exception {
        Checkout.copy(MINIMAL, temp.resolve("ws"));
        Path manifest = temp.resolve("ws/stories/base/story.toml");
        byte[] text = Files.readAllBytes(manifest);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Files.write(manifest, withBom);
        var loaded = WorkspaceLoader.load(temp.resolve("ws"), StdlibLoader.load());
        assertThat(loaded.ok()).as("%s", loaded.diagnostics()).isTrue();
        assertThat(loaded.get().stories().get(new StoryId("base")).manifest().title()).isEqualTo("Base");
    }

    @Test
    void reportsEveryStorysProblemsInFolderOrder(@TempDir Path temp) throws Exception {
        // Story folders load on two threads; what they find must read as if loaded one by one.
        Checkout.copy(MINIMAL, temp.resolve("ws"));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String name = String.format("s%02d", i);
            Checkout.copy(temp.resolve("ws/stories/base"), temp.resolve("ws/stories/" + name));
            if (i % 3 == 0) {
                Files.write(temp.resolve("ws/stories/" + name + "/views/base.view.lkml"),
                        new byte[] {'v', (byte) 0xFF, '\n'});
                expected.add("stories/" + name + "/views/base.view.lkml");
            }
            if (i % 7 == 0) {
                Files.createDirectories(temp.resolve("ws/stories/" + name.toUpperCase()));
                expected.add("stories/" + name.toUpperCase());
            }
        }
        expected.sort(Comparator.comparing(path -> path.split("/")[1]));
        var loaded = WorkspaceLoader.load(temp.resolve("ws"), StdlibLoader.load());
        assertThat(loaded.diagnostics()).extracting(d -> d.position().file())
                .containsExactlyElementsOf(expected);
        assertThat(loaded.get().stories()).hasSize(42);
    }

    @Test
    void readsNoDotFileAndNothingInADotFolder(@TempDir Path temp) throws Exception {
        Checkout.copy(MINIMAL, temp.resolve("ws"));
        // Each would be a diagnostic if it were read: bytes that are not UTF-8, a link to outside.
        Files.write(temp.resolve("ws/stories/base/views/.draft.view.lkml"), new byte[] {(byte) 0xFF});
        Files.createDirectories(temp.resolve("ws/stories/base/.cache/views"));
        Files.write(temp.resolve("ws/stories/base/.cache/views/old.view.lkml"), new byte[] {(byte) 0xFF});
        Files.createSymbolicLink(temp.resolve("ws/stories/base/.cache/outside.sql"),
                Checkout.write(temp.resolve("outside.sql"), "select 1;\n"));
        var loaded = WorkspaceLoader.load(temp.resolve("ws"), StdlibLoader.load());
        assertThat(loaded.ok()).as("%s", loaded.diagnostics()).isTrue();
        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.get().stories().get(new StoryId("base")).files())
                .extracting(f -> f.source().path())
                .containsExactly("stories/base/schema/deploy.sql", "stories/base/schema/revert.sql",
                        "stories/base/views/base.view.lkml");
    }

    @Test
    void aFolderTheWalkCannotOpenIsReportedAtItsPath(@TempDir Path temp) throws Exception {
        Checkout.copy(MINIMAL, temp.resolve("ws"));
        // Any user can open any folder here when the tests run as root, so the folder is made
        // unopenable by its path's length: deeper than PATH_MAX (4,096 bytes), built by moving
        // chains of folders whose own paths stay short, and taken apart the same way afterwards.
        String segment = "d".repeat(250);
        Path upper = temp.resolve("upper");
        Path lower = temp.resolve("lower");
        Path upperEnd = chain(upper, segment, 9);
        chain(lower, segment, 9);
        Files.move(lower, upperEnd.resolve("lower"));
        Path deep = temp.resolve("ws/stories/base/views/deep");
        Files.move(upper, deep);
        try {
            var loaded = WorkspaceLoader.load(temp.resolve("ws"), StdlibLoader.load());
            assertThat(loaded.diagnostics()).singleElement().satisfies(d -> {
                assertThat(d.code()).isEqualTo(Code.FILE_UNREADABLE);
                assertThat(d.position().file()).startsWith("stories/base/views/deep/" + segment + "/")
                        .hasSizeGreaterThan(4096 - temp.resolve("ws").toString().length());
                assertThat(d.message()).startsWith("cannot read `stories/base/views/deep/");
            });
            assertThat(loaded.get().stories().get(new StoryId("base")).files())
                    .extracting(f -> f.source().path()).contains("stories/base/views/base.view.lkml");
        } finally {
            Files.move(deep, upper);
            Files.move(upperEnd.resolve("lower"), lower);
        }
    }

    /** Makes {@code depth} nested folders named {@code segment} under {@code top}; returns the last. */
    private static Path chain(Path top, String segment, int depth) throws Exception {
        Path folder = Files.createDirectories(top);
        for (int i = 0; i < depth; i++) {
            folder = Files.createDirectory(folder.resolve(segment));
        }
        return folder;
    }

    /** What stands at {@code ws/stories/base/tests} (a folder the story may hold), made in {@code ws}. */
    interface Stand {
        void at(Path place, Path ws) throws Exception;
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> notFiles() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("a link to a folder inside the workspace",
                        (Stand) (place, ws) -> {
                            Checkout.write(ws.resolve("shared/tests/a.sql"), "select 1 where false;\n");
                            Files.createSymbolicLink(place, ws.resolve("shared/tests"));
                        }, "E0113 stories/base/tests"),
                org.junit.jupiter.params.provider.Arguments.of("a dangling link",
                        (Stand) (place, ws) -> Files.createSymbolicLink(place, ws.resolve("nowhere")),
                        "E0102 stories/base/tests"),
                org.junit.jupiter.params.provider.Arguments.of("a link loop",
                        (Stand) (place, ws) -> Files.createSymbolicLink(place, place),
                        "E0102 stories/base/tests"));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("notFiles")
    void whatIsNotAFileIsReportedWhereItStandsNeverPassedOver(String name, Stand stand, String expected,
            @TempDir Path temp) throws Exception {
        Path ws = temp.resolve("ws");
        Checkout.copy(MINIMAL, ws);
        stand.at(ws.resolve("stories/base/tests"), ws);
        var loaded = WorkspaceLoader.load(ws, StdlibLoader.load());
        assertThat(loaded.diagnostics()).extracting(d -> d.code().id() + " " + d.position()).containsExactly(expected);
    }

    @Test
    void aNameThatIsNotUtf8AndAStoryTomlThatIsNotUtf8AreEachReportedOnce(@TempDir Path temp) throws Exception {
        Path ws = temp.resolve("ws");
        Checkout.copy(MINIMAL, ws);
        // Named by the shell, in bytes: 0xFF is not UTF-8.
        Process named = new ProcessBuilder("sh", "-c", "printf 'view: b {}\\n' > \"bad$(printf '\\377').view.lkml\"")
                .directory(ws.resolve("stories/base/views").toFile()).start();
        assertThat(named.waitFor()).isZero();
        Files.write(ws.resolve("stories/base/story.toml"), new byte[] {'t', '=', (byte) 0xFF});

        var loaded = WorkspaceLoader.load(ws, StdlibLoader.load());

        assertThat(loaded.diagnostics()).extracting(d -> d.code().id() + " " + d.position().file())
                .containsExactlyInAnyOrder("E0103 stories/base/views/bad\uFFFD.view.lkml", "E0103 stories/base/story.toml");
        new ProcessBuilder("sh", "-c", "rm -f bad*").directory(ws.resolve("stories/base/views").toFile()).start()
                .waitFor();
    }

    @Test
    void aLineEndingInACarriageReturnAloneIsAnErrorWhereItIsWhileCrlfIsFine(@TempDir Path temp) throws Exception {
        Path ws = temp.resolve("ws");
        Checkout.copy(MINIMAL, ws);
        Checkout.write(ws.resolve("stories/base/views/mac.view.lkml"), "# old\rview: mac {\r}\r");
        Checkout.write(ws.resolve("stories/base/views/dos.view.lkml"), "# dos\r\nview: dos {\r\n}\r\n");

        var loaded = WorkspaceLoader.load(ws, StdlibLoader.load());

        assertThat(loaded.diagnostics()).extracting(d -> d.code().id() + " " + d.position())
                .containsExactly("E0114 stories/base/views/mac.view.lkml:1:6");
    }

    /**
     * CRLF is read as git commits it: a checkout that converted an LF commit to CRLF reads LF, a
     * file committed with CRLF keeps them, and a new file follows core.autocrlf.
     */
    @Test
    void crlfIsReadAsGitWouldCommitIt(@TempDir Path temp) throws Exception {
        Path ws = temp.resolve("ws");
        Checkout.copy(MINIMAL, ws);
        Checkout.write(ws.resolve("stories/base/views/unix.view.lkml"), "# unix\nview: unix {\n}\n");
        Checkout.write(ws.resolve("stories/base/views/dos.view.lkml"), "# dos\r\nview: dos {\r\n}\r\n");
        GitCli.git(ws, "init", "-q");
        GitCli.git(ws, "add", "-A");
        GitCli.git(ws, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "start");
        Checkout.write(ws.resolve("stories/base/views/unix.view.lkml"), "# unix\r\nview: unix {\r\n}\r\n");
        Checkout.write(ws.resolve("stories/base/views/new.view.lkml"), "# new\r\nview: new {\r\n}\r\n");

        assertThat(texts(ws)).containsEntry("unix.view.lkml", "# unix\nview: unix {\n}\n")
                .containsEntry("dos.view.lkml", "# dos\r\nview: dos {\r\n}\r\n")
                .containsEntry("new.view.lkml", "# new\r\nview: new {\r\n}\r\n");
        GitCli.git(ws, "config", "core.autocrlf", "true");
        assertThat(texts(ws)).containsEntry("new.view.lkml", "# new\nview: new {\n}\n");
    }

    /** Returns the base story's view files by name, as loaded. */
    private static java.util.Map<String, String> texts(Path ws) {
        var loaded = WorkspaceLoader.load(ws, StdlibLoader.load());
        assertThat(loaded.diagnostics()).isEmpty();
        java.util.Map<String, String> texts = new java.util.TreeMap<>();
        loaded.get().story(new StoryId("base")).orElseThrow().files().forEach(file ->
                texts.put(file.storyRelativePath().replaceAll(".*/", ""), file.source().text()));
        return texts;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ~ ", value = {
        "a conflict in SQL, which no parser would catch ~ stories/base/schema/deploy.sql"
                + " ~ create table a (id int);\\n<<<<<<< HEAD\\n-- ours\\n=======\\n-- theirs\\n>>>>>>> feature\\n"
                + " ~ E0115 stories/base/schema/deploy.sql:2:1 <<<<<<<",
        "a diff3 conflict, in CRLF ~ stories/base/views/base.view.lkml"
                + " ~ view: base {}\\r\\n||||||| base\\r\\n ~ E0115 stories/base/views/base.view.lkml:2:1 |||||||",
        "the end marker alone, at the end of a release ~ releases/r1.toml"
                + " ~ stories = []\\n>>>>>>> feature ~ E0115 releases/r1.toml:2:1 >>>>>>>",
        "in environments.toml, which would not parse ~ environments.toml"
                + " ~ <<<<<<< HEAD\\n ~ E0115 environments.toml:1:1 <<<<<<<",
    })
    void anUnresolvedMergeConflictIsAnErrorAtItsFirstMarker(String name, String file, String text, String expected,
            @TempDir Path temp) throws Exception {
        Path ws = temp.resolve("ws");
        Checkout.copy(MINIMAL, ws);
        Checkout.write(ws.resolve(file), text.replace("\\n", "\n").replace("\\r", "\r"));

        var loaded = WorkspaceLoader.load(ws, StdlibLoader.load());

        assertThat(loaded.diagnostics()).extracting(d -> d.code().id() + " " + d.position() + " "
                        + d.message().replaceAll(".*`(.......)`$", "$1"))
                .containsExactly(expected);
    }

    @Test
    void markerLikeTextThatIsNotAMarkerIsNotAConflict() {
        assertThat(SourceText.conflictMarker("-- <<<<<<< in a comment\n========\n<<<<<<<<\n>>>>>>>x\n")).isEmpty();
        assertThat(SourceText.conflictMarker("a\n>>>>>>>")).contains(2);
    }

    @Test
    void refusesALinkThatLeadsOutsideTheWorkspace(@TempDir Path temp) throws Exception {
        Checkout.copy(MINIMAL, temp.resolve("ws"));
        Path secret = Checkout.write(temp.resolve("secret.view.lkml"), "view: secret {}\n");
        Files.createSymbolicLink(temp.resolve("ws/stories/base/views/secret.view.lkml"), secret);
        var loaded = WorkspaceLoader.load(temp.resolve("ws"), StdlibLoader.load());
        assertThat(loaded.ok()).isFalse();
        Diagnostic diagnostic = loaded.diagnostics().get(0);
        assertThat(diagnostic.code()).isEqualTo(Code.PATH_ESCAPES_WORKSPACE);
        assertThat(diagnostic.position()).isEqualTo(Position.ofFile("stories/base/views/secret.view.lkml"));
        assertThat(loaded.get().stories().get(new StoryId("base")).files())
                .noneMatch(f -> f.source().text().contains("secret"));
    }

    @Test
    void refusesEveryFileOfAStoriesFolderThatIsALinkToOutside(@TempDir Path temp) throws Exception {
        // The story folders are real folders, but what holds them lies outside the workspace.
        var loaded = loadWithFolderLinkedFromOutside(temp, "stories");
        assertThat(loaded.ok()).isFalse();
        assertThat(loaded.diagnostics())
                .filteredOn(d -> d.code() == Code.PATH_ESCAPES_WORKSPACE)
                .extracting(d -> d.position().file())
                .containsExactly("stories/base/schema/deploy.sql", "stories/base/schema/revert.sql",
                        "stories/base/story.toml", "stories/base/views/base.view.lkml",
                        "stories/extra/explores/extra.explore.lkml", "stories/extra/schema/deploy.sql",
                        "stories/extra/schema/revert.sql", "stories/extra/story.toml",
                        "stories/extra/views/extra.view.lkml");
    }

    @Test
    void aStoryFolderThatIsALinkToOutsideIsRefused(@TempDir Path temp) throws Exception {
        var loaded = loadWithFolderLinkedFromOutside(temp, "stories/extra");
        assertThat(loaded.diagnostics()).extracting(Diagnostic::code, d -> d.position().file())
                .contains(org.assertj.core.groups.Tuple.tuple(Code.PATH_ESCAPES_WORKSPACE,
                        "stories/extra"));
    }

    /**
     * Loads a copy of the minimal workspace whose folder {@code relative} was moved outside it and
     * replaced by a link to where it went.
     */
    private static Result<Workspace> loadWithFolderLinkedFromOutside(Path temp, String relative)
            throws Exception {
        Checkout.copy(MINIMAL, temp.resolve("ws"));
        Path outside = temp.resolve("outside");
        Files.move(temp.resolve("ws").resolve(relative), outside);
        Files.createSymbolicLink(temp.resolve("ws").resolve(relative), outside);
        return WorkspaceLoader.load(temp.resolve("ws"), StdlibLoader.load());
    }

    @Test
    void followsALinkThatStaysInsideTheWorkspace(@TempDir Path temp) throws Exception {
        Checkout.copy(MINIMAL, temp.resolve("ws"));
        Files.createSymbolicLink(temp.resolve("ws/stories/extra/views/base.view.lkml"),
                temp.resolve("ws/stories/base/views/base.view.lkml"));
        var loaded = WorkspaceLoader.load(temp.resolve("ws"), StdlibLoader.load());
        assertThat(loaded.ok()).as("%s", loaded.diagnostics()).isTrue();
        assertThat(loaded.get().stories().get(new StoryId("extra")).filesOf(ArtifactKind.VIEW)).hasSize(2);
    }

    @Test
    void readsTheTopLevelLookmlOfTheModelFolder(@TempDir Path temp) throws Exception {
        Checkout.copy(MINIMAL, temp.resolve("ws"));
        Checkout.write(temp.resolve("ws/model/grants.lkml"), "access_grant: phi {}\n");
        Checkout.write(temp.resolve("ws/model/notes.md"), "not LookML\n");
        Checkout.write(temp.resolve("ws/model/old/cache.lkml"), "datagroup: d {}\n");
        var loaded = WorkspaceLoader.load(temp.resolve("ws"), StdlibLoader.load());
        assertThat(loaded.ok()).as("%s", loaded.diagnostics()).isTrue();
        assertThat(loaded.get().modelFiles().keySet()).containsExactly("model/grants.lkml");
        assertThat(loaded.get().modelFiles().get("model/grants.lkml").text()).isEqualTo("access_grant: phi {}\n");
        assertThat(loaded.get().allSources()).extracting(s -> s.path()).contains("model/grants.lkml");
    }

    @Test
    void aMissingWorkspaceIsADiagnostic(@TempDir Path temp) {
        var loaded = WorkspaceLoader.load(temp.resolve("nowhere"), StdlibLoader.load());
        assertThat(loaded.value()).isEmpty();
        assertThat(loaded.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.WORKSPACE_NOT_FOUND);
    }

    @Test
    void classifiesStoryFilesByTheirPlace() {
        assertThat(ArtifactKind.of("views/a.view.lkml")).contains(ArtifactKind.VIEW);
        assertThat(ArtifactKind.of("schema/revert.sql")).contains(ArtifactKind.SCHEMA_REVERT);
        assertThat(ArtifactKind.of("etl/load.job.toml")).contains(ArtifactKind.ETL_JOB);
        assertThat(ArtifactKind.of("etl/load.sql")).contains(ArtifactKind.ETL_SQL);
        assertThat(ArtifactKind.of("views/a.explore.lkml")).isEmpty();
        assertThat(ArtifactKind.of("views/sub/a.view.lkml")).isEmpty();
        assertThat(ArtifactKind.of("schema/migrate.sql")).isEmpty();
    }

    @Test
    void aFileTooLargeToReadIsReportedWhereItIs(@TempDir Path temp) throws Exception {
        Path workspace = dev.storyc.testing.Checkout.copyExampleWorkspace(temp.resolve("ws"));
        // Sparse: it takes no disk, and reads as zeros.
        try (java.io.RandomAccessFile big = new java.io.RandomAccessFile(
                workspace.resolve("releases/big.toml").toFile(), "rw")) {
            big.setLength(FileReads.MAX_FILE_BYTES + 1L);
        }
        var loaded = WorkspaceLoader.load(workspace, StdlibLoader.load());
        assertThat(loaded.diagnostics()).anySatisfy(d -> {
            assertThat(d.code()).isEqualTo(dev.storyc.diag.Code.FILE_UNREADABLE);
            assertThat(d.position().file()).isEqualTo("releases/big.toml");
            assertThat(d.message()).contains("it is larger than the 64 MB storyc reads");
        });
    }
}
