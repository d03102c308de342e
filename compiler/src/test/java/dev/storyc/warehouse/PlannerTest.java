package dev.storyc.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.workspace.Sha256;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The pure planning of an apply: plan against registry, in, actions out. */
class PlannerTest {
    private static final Planner.Options ACCEPTANCE = new Planner.Options(false, false);

    @Test
    void deploysWhatIsNewInPlanOrderAndSkipsWhatIsThere() {
        OutputPlan plan =
                plan(
                        Set.of(),
                        planned("patients", "base", 1, "A"),
                        planned("encounters", "base", 2, "B"),
                        planned("patients", "add-units", 3, "C"));
        RegistryState registry = registry(deployed("patients", "base", 1, "A", List.of()));
        ApplyPlan result = Planner.plan(plan, registry, ACCEPTANCE);
        assertThat(result.actions())
                .extracting(a -> a.getClass().getSimpleName() + " " + a.id())
                .containsExactly("Deploy encounters/base", "Deploy patients/add-units");
        assertThat(result.upToDate())
                .extracting(c -> c.id().toString())
                .containsExactly("patients/base");
        assertThat(result.refusals()).isEmpty();
    }

    @Test
    void revertsRequiringStoriesFirstAndLaterChangesFirst() {
        OutputPlan plan = plan(Set.of(new ChangeId("claims", "base")));
        RegistryState registry =
                registry(
                        deployed("patients", "base", 1, "A", List.of()),
                        deployed("claims", "base", 2, "B", List.of("patients")),
                        deployed("patients", "add-units", 3, "C", List.of()),
                        deployed("claims", "add-index", 4, "D", List.of("patients")));
        ApplyPlan result = Planner.plan(plan, registry, ACCEPTANCE);
        assertThat(result.actions())
                .extracting(a -> a.id().toString())
                .containsExactly(
                        "claims/add-index", "claims/base", "patients/add-units", "patients/base");
        assertThat(result.actions().get(1))
                .isInstanceOfSatisfying(
                        Action.Revert.class,
                        revert -> assertThat(revert.reason()).isEqualTo(new RevertReason.BackedOut()));
        assertThat(result.actions().get(3))
                .isInstanceOfSatisfying(
                        Action.Revert.class,
                        revert -> assertThat(revert.reason()).isEqualTo(new RevertReason.NotInPlan()));
    }

    /**
     * The stored revert of a reworked change undoes what the story's later changes built on (its
     * DROP TABLE takes their columns along), so they come down first and go back up after, as
     * {@code sqitch rebase} does; reworking the change alone left them recorded as deployed.
     */
    @Test
    void aReworkRevertsTheStorysLaterChangesFirstAndDeploysThemAgainAfter() {
        OutputPlan plan = plan(Set.of(),
                planned("t1", "base", 1, "A2"),
                planned("t1", "add-note", 2, "B"),
                planned("t1", "add-index", 3, "C"),
                planned("t1", "add-more", 4, "D"),
                planned("u", "base", 5, "U", List.of("t1")));
        RegistryState registry = registry(
                deployed("t1", "base", 1, "A", List.of()),
                deployed("t1", "add-note", 2, "B", List.of()),
                deployed("t1", "add-index", 3, "C", List.of()),
                deployed("u", "base", 4, "U", List.of("t1")),
                deployed("v", "base", 5, "V", List.of("t1")));

        ApplyPlan result = Planner.plan(plan, registry, new Planner.Options(true, true));

        assertThat(result.refusals()).isEmpty();
        // v leaves the plan, so it is reverted before anything else and stays in place for nobody.
        assertThat(result.actions()).extracting(PlannerTest::describe).containsExactly(
                "Revert v/base not in the plan",
                "Revert t1/add-index reverted to rework t1/base",
                "Revert t1/add-note reverted to rework t1/base",
                "Rework t1/base required by [u]",
                "Deploy t1/add-note deployed again after the rework of t1/base",
                "Deploy t1/add-index deployed again after the rework of t1/base",
                "Deploy t1/add-more new");
        assertThat(result.upToDate()).extracting(c -> c.id().toString()).containsExactly("u/base");
    }

    @Test
    void aReworkInTheMiddleOfAStoryLeavesTheEarlierChangesAlone() {
        OutputPlan plan = plan(Set.of(),
                planned("t1", "base", 1, "A"),
                planned("t1", "add-note", 2, "B2"),
                planned("t1", "add-index", 3, "C"));
        RegistryState registry = registry(
                deployed("t1", "base", 1, "A", List.of()),
                deployed("t1", "add-note", 2, "B", List.of()),
                deployed("t1", "add-index", 3, "C", List.of()));

        ApplyPlan result = Planner.plan(plan, registry, new Planner.Options(true, true));

        assertThat(result.actions()).extracting(PlannerTest::describe).containsExactly(
                "Revert t1/add-index reverted to rework t1/add-note",
                "Rework t1/add-note required by []",
                "Deploy t1/add-index deployed again after the rework of t1/add-note");
        assertThat(result.upToDate()).extracting(c -> c.id().toString()).containsExactly("t1/base");
    }

    /** A later change that was edited too goes back up with its new text, after its stored revert. */
    @Test
    void aLaterChangeThatWasEditedTooIsDeployedAgainWithItsNewText() {
        OutputPlan plan = plan(Set.of(),
                planned("t1", "base", 1, "A2"),
                planned("t1", "add-note", 2, "B2"));
        RegistryState registry = registry(
                deployed("t1", "base", 1, "A", List.of()),
                deployed("t1", "add-note", 2, "B", List.of()));

        ApplyPlan result = Planner.plan(plan, registry, new Planner.Options(true, true));

        assertThat(result.actions()).extracting(PlannerTest::describe).containsExactly(
                "Revert t1/add-note reverted to rework t1/base",
                "Rework t1/base required by []",
                "Deploy t1/add-note deployed again after the rework of t1/base");
        assertThat(((Action.Deploy) result.actions().get(2)).change().deploy().text()).isEqualTo("B2");
    }

    @Test
    void noReworkOutsideDevelopmentOrWithLogOnlyTakesAnythingDown() {
        OutputPlan plan = plan(Set.of(),
                planned("t1", "base", 1, "A2"),
                planned("t1", "add-note", 2, "B"));
        RegistryState registry = registry(
                deployed("t1", "base", 1, "A", List.of()),
                deployed("t1", "add-note", 2, "B", List.of()));

        for (Planner.Options options : List.of(new Planner.Options(false, true),
                new Planner.Options(true, true, true))) {
            ApplyPlan result = Planner.plan(plan, registry, options);

            assertThat(result.refusals()).as("%s", options).extracting(Diagnostic::code)
                    .containsExactly(Code.DEPLOYED_CHANGE_EDITED);
            assertThat(result.actions()).as("%s", options).isEmpty();
        }
    }

    @Test
    void anEditedDeployedChangeIsRefusedOutsideDevelopment() {
        OutputPlan plan =
                plan(
                        Set.of(),
                        planned("patients", "base", 1, "A2"),
                        planned("claims", "base", 2, "B"));
        RegistryState registry = registry(deployed("patients", "base", 1, "A", List.of()));
        ApplyPlan result = Planner.plan(plan, registry, ACCEPTANCE);
        assertThat(result.refusals())
                .singleElement()
                .satisfies(
                        refusal -> {
                            assertThat(refusal.code()).isEqualTo(Code.DEPLOYED_CHANGE_EDITED);
                            assertThat(refusal.position())
                                    .isEqualTo(
                                            Position.ofFile("warehouse/patients/base/deploy.sql"));
                            assertThat(refusal.message())
                                    .contains(
                                            "change `patients/base` was edited after it was"
                                                + " deployed");
                            assertThat(refusal.hint())
                                    .get()
                                    .asString()
                                    .contains("stories/patients/schema/changes/NN-name/");
                        });
        assertThat(result.isNoOp()).isFalse();

        ApplyPlan development = Planner.plan(plan, registry, new Planner.Options(true, false));
        assertThat(development.refusals().get(0).hint()).get().asString().contains("--rework");
        ApplyPlan rework = Planner.plan(plan, registry, new Planner.Options(true, true));
        assertThat(rework.refusals()).isEmpty();
        assertThat(rework.actions())
                .extracting(a -> a.getClass().getSimpleName() + " " + a.id())
                .containsExactly("Rework patients/base", "Deploy claims/base");
    }

    @Test
    void aChangeThatRendersDifferentlyInAChangedEnvironmentSaysTheEnvironmentMayBeWhy() {
        OutputPlan plan = new OutputPlan("c0ffee", "acc", "sha256:env-since", List.of(planned("patients", "base", 1,
                "A2")), Set.of());
        RegistryState registry = registry(deployed("patients", "base", 1, "A", List.of()));

        Diagnostic refusal = Planner.plan(plan, registry, ACCEPTANCE).refusals().get(0);

        assertThat(refusal.code()).isEqualTo(Code.DEPLOYED_CHANGE_EDITED);
        assertThat(refusal.message()).isEqualTo("change `patients/base` renders differently from when it was"
                + " deployed (from 0123456789ab), and the environment changed since: a value of environments.toml"
                + " that the script renders may have changed it, or the story was edited");
        assertThat(refusal.hint()).get().asString()
                .startsWith("see what changed with `git diff 0123456789ab HEAD -- warehouse/patients/base/deploy.sql`");
    }

    @Test
    void aCorrectedRevertScriptIsStoredAndBackOutsAlreadyDoneAreSaid() {
        PlannedChange fixed =
                new PlannedChange(
                        new ChangeId("patients", "base"),
                        1,
                        List.of(),
                        script("patients", "base", "deploy", "A"),
                        script("patients", "base", "revert", "fixed"),
                        Optional.empty());
        OutputPlan plan =
                new OutputPlan(
                        "c0ffee",
                        "acc",
                        "sha256:env",
                        List.of(fixed),
                        Set.of(new ChangeId("care-gaps", "base")));
        ApplyPlan result =
                Planner.plan(
                        plan,
                        registry(deployed("patients", "base", 1, "A", List.of())),
                        ACCEPTANCE);
        assertThat(result.actions()).singleElement().isInstanceOf(Action.UpdateRevert.class);
        assertThat(result.revertedAlready()).containsExactly(new ChangeId("care-gaps", "base"));
    }

    @Test
    void statusSaysWhereEachChangeStands() {
        OutputPlan plan =
                plan(
                        Set.of(new ChangeId("care-gaps", "base")),
                        planned("patients", "base", 1, "A"),
                        planned("claims", "base", 2, "B2"),
                        planned("claims", "add-index", 3, "C"));
        RegistryState registry =
                registry(
                        deployed("patients", "base", 1, "A", List.of()),
                        deployed("claims", "base", 2, "B", List.of()),
                        deployed("care-gaps", "base", 3, "G", List.of()),
                        deployed("manual", "base", 4, "M", List.of()));
        assertThat(ChangeStatus.of(plan, registry))
                .extracting(s -> s.id() + " " + s.state().spelling())
                .containsExactly(
                        "patients/base deployed",
                        "claims/base edited",
                        "claims/add-index pending",
                        "manual/base drift",
                        "care-gaps/base pending-revert");
    }

    @Test
    void serverPositionsBecomeLinesAndColumns() {
        Script script =
                new Script(
                        "warehouse/a/base/deploy.sql", "-- 😀 comment\nSELECT\n  nosuch;\n", "h");
        assertThat(script.positionOf(0)).isEqualTo(Position.ofFile("warehouse/a/base/deploy.sql"));
        assertThat(script.positionOf(1))
                .isEqualTo(Position.of("warehouse/a/base/deploy.sql", 1, 1));
        assertThat(script.positionOf(14))
                .isEqualTo(Position.of("warehouse/a/base/deploy.sql", 2, 1));
        assertThat(script.positionOf(23))
                .isEqualTo(Position.of("warehouse/a/base/deploy.sql", 3, 3));
        assertThat(script.positionOf(999))
                .isEqualTo(Position.ofFile("warehouse/a/base/deploy.sql"));
    }

    @Test
    void anOutputPlanIsReadFromTheCommitAndCheckedAgainstItsHashes() {
        String deploy = "CREATE TABLE a.t (id INT);\n";
        String plan =
                """
                format = 2
                [[change]]
                id = "t/base"
                order = 1
                story = "t"
                change = "base"
                folder = "warehouse/t/base"
                requires = ["u"]
                deploy = "%s"
                revert = "%s"
                """
                        .formatted(Sha256.tagged(deploy), Sha256.tagged("DROP TABLE a.t;\n"));
        String lock =
                "compiler = \"x\"\n"
                    + "environment = \"acc\"\n"
                    + "environment_hash = \"sha256:e\"\n"
                    + "release = \"r\"\n"
                    + "[stories]\n"
                    + "t = \"abc\"\n";
        java.util.Map<String, String> files =
                new java.util.HashMap<>(
                        java.util.Map.of(
                                "warehouse/plan.toml",
                                plan,
                                "storyc.lock",
                                lock,
                                "warehouse/t/base/deploy.sql",
                                deploy,
                                "warehouse/t/base/revert.sql",
                                "DROP TABLE a.t;\n"));
        var read =
                OutputPlan.read("0123456789abcdef", path -> Optional.ofNullable(files.get(path)));
        assertThat(read.ok()).as("%s", read.diagnostics()).isTrue();
        assertThat(read.get().environmentHash()).isEqualTo("sha256:e");
        assertThat(read.get().changes())
                .singleElement()
                .satisfies(
                        change -> {
                            assertThat(change.id()).isEqualTo(new ChangeId("t", "base"));
                            assertThat(change.requires()).containsExactly("u");
                            assertThat(change.verify()).isEmpty();
                        });
        files.put("warehouse/t/base/deploy.sql", "-- edited by hand\n" + deploy);
        var edited =
                OutputPlan.read("0123456789abcdef", path -> Optional.ofNullable(files.get(path)));
        assertThat(edited.diagnostics())
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.code()).isEqualTo(Code.WAREHOUSE_PLAN_INVALID);
                            assertThat(d.position())
                                    .isEqualTo(Position.ofFile("warehouse/t/base/deploy.sql"));
                        });
    }

    /** A renamed story folder, to the warehouse: one story's revert drops what another's deploy creates. */
    @Test
    void anApplyThatWouldDropATableAndCreateItAgainIsRefusedOutsideDevelopment() {
        String create = "-- the table\nCREATE TABLE IF NOT EXISTS analytics.claims (id INT);\n";
        OutputPlan plan = plan(Set.of(new ChangeId("claims-old", "base")), planned("claims", "base", 1, create));
        DeployedChange old = deployed("claims-old", "base", 1, create, List.of());
        DeployedChange renamed = new DeployedChange(old.id(), old.sequence(), old.requires(), old.deployHash(),
                Sha256.tagged("x"), "DROP TABLE IF EXISTS analytics.other, \"analytics\".\"claims\" CASCADE;",
                old.deployedBy(), old.deployedAt(), old.outputCommit(), old.environmentHash());

        ApplyPlan acceptance = Planner.plan(plan, registry(renamed), ACCEPTANCE);

        assertThat(acceptance.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.code().id()).isEqualTo("E0810");
            assertThat(refusal.position()).hasToString("warehouse/claims/base/deploy.sql:2:1");
            assertThat(refusal.message()).contains("drop table `analytics.claims` with the stored revert of"
                    + " `claims-old/base`").contains("every row of it would be lost");
        });
        assertThat(Planner.plan(plan, registry(renamed), new Planner.Options(true, false)).refusals()).isEmpty();
        // Another table, or the same story's own change, is no rename.
        assertThat(Planner.plan(plan(Set.of(), planned("claims", "base", 1,
                "CREATE TABLE analytics.claims_v2 (id INT);")), registry(renamed), ACCEPTANCE).refusals()).isEmpty();
    }

    @Test
    void logOnlyRecordsNewChangesWithTheTablesTheyCreate() {
        OutputPlan plan = plan(Set.of(),
                planned("patients", "base", 1, "CREATE TABLE a.patients (id INT);\nCREATE TEMP TABLE t (x INT);\n"
                        + "CREATE TABLE IF NOT EXISTS visits (id INT);\n"),
                planned("claims", "base", 2, "B"));
        RegistryState registry = registry(deployed("claims", "base", 1, "B", List.of()));

        ApplyPlan result = Planner.plan(plan, registry, new Planner.Options(false, false, true));

        assertThat(result.refusals()).isEmpty();
        assertThat(result.upToDate()).extracting(c -> c.id().toString()).containsExactly("claims/base");
        assertThat(result.actions()).singleElement().isInstanceOfSatisfying(Action.Adopt.class, adopt ->
                assertThat(adopt.tables()).extracting(t -> t.name().key() + " " + t.at())
                        .containsExactly("a.patients warehouse/patients/base/deploy.sql:1:1",
                                "visits warehouse/patients/base/deploy.sql:3:1"));
    }

    @Test
    void logOnlyRefusesAPlanThatReverts() {
        OutputPlan plan = plan(Set.of(new ChangeId("claims", "base")), planned("patients", "base", 1, "A"));
        RegistryState registry = registry(deployed("claims", "base", 1, "B", List.of()));

        ApplyPlan result = Planner.plan(plan, registry, new Planner.Options(false, false, true));

        assertThat(result.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.code()).isEqualTo(Code.LOG_ONLY_REVERT);
            assertThat(refusal.position()).isEqualTo(Position.of("registry:claims/base/revert.sql", 1, 1));
            assertThat(refusal.message()).contains("would also revert `claims/base` (backed out)");
        });
        assertThat(result.actions()).extracting(a -> a.getClass().getSimpleName()).containsExactly("Adopt");
    }

    private static OutputPlan plan(Set<ChangeId> pending, PlannedChange... changes) {
        return new OutputPlan("c0ffee", "acc", "sha256:env", List.of(changes), pending);
    }

    private static String describe(Action action) {
        String kind = action.getClass().getSimpleName() + " " + action.id() + " ";
        if (action instanceof Action.Revert revert) {
            return kind + revert.reason().words();
        } else if (action instanceof Action.Rework rework) {
            return kind + "required by " + rework.requiredBy();
        } else if (action instanceof Action.Deploy deploy) {
            return kind + deploy.again().orElse("new");
        }
        return kind;
    }

    private static PlannedChange planned(
            String story, String change, int order, String deployText) {
        return planned(story, change, order, deployText, List.of());
    }

    private static PlannedChange planned(
            String story, String change, int order, String deployText, List<String> requires) {
        return new PlannedChange(
                new ChangeId(story, change),
                order,
                requires,
                script(story, change, "deploy", deployText),
                script(story, change, "revert", "R"),
                Optional.empty());
    }

    private static Script script(String story, String change, String kind, String text) {
        return new Script(
                "warehouse/" + story + "/" + change + "/" + kind + ".sql",
                text,
                Sha256.tagged(text));
    }

    private static DeployedChange deployed(
            String story, String change, long sequence, String deployText, List<String> requires) {
        return new DeployedChange(
                new ChangeId(story, change),
                sequence,
                requires,
                Sha256.tagged(deployText),
                Sha256.tagged("R"),
                "R",
                "alice",
                Instant.EPOCH,
                "0123456789abcdef",
                "sha256:env");
    }

    private static RegistryState registry(DeployedChange... deployed) {
        return new RegistryState(1, List.of(deployed), deployed.length);
    }
}
