package dev.storyc.cli;

import dev.storyc.config.Environment;
import dev.storyc.publish.GitCredentials;
import dev.storyc.publish.OutputRemote;
import dev.storyc.publish.OutputRepository;
import dev.storyc.publish.Progress;
import dev.storyc.publish.PublishException;
import dev.storyc.publish.PushResult;
import dev.storyc.publish.RemoteUrl;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code storyc push}: sends output repositories to their {@code output.remote}. Fetches first,
 * moves the remote branch fast-forward only, stops at drift, and rebuilds on a newer remote head
 * when another run pushed first.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Push output repositories to their remotes (output.remote), fast-forward only.",
                "HTTPS remotes authenticate with a token from $STORYC_GIT_TOKEN (another variable can be named"
                        + " with the setting git.token_env); SSH remotes use your keys and ~/.ssh/config."})
final class PushCommand implements Callable<Integer> {
    @ParentCommand
    StorycCommand root;

    @Mixin
    EnvironmentOptions environments;

    @Option(names = "--adopt-drift",
            description = "Build on commits that storyc did not make on the remote instead of stopping at them.")
    boolean adoptDrift;

    @Override
    public Integer call() {
        Console console = root.console();
        Project project = root.openProject();
        List<Environment> selected = environments.select(project, root.settings(), console);
        var folders = OutputFolders.approve(project, root.settings(), null,
                selected.stream().filter(e -> e.output().remote().isPresent()).toList(), console);
        GitCredentials credentials = GitTokenSetting.credentials(root.settings(), root.processEnvironment());
        Progress progress = root.progress(1);
        int failed = 0;
        int pushed = 0;
        if (!environments.all) {
            // Named on the command line, an environment with nowhere to push is the user's
            // mistake, said before anything is pushed: exit 2, not an operation that failed.
            for (Environment environment : selected) {
                if (environment.output().remote().isEmpty()) {
                    console.failure("`" + environment.name() + "` has no output.remote to push to",
                            "set `output.remote` for it in environments.toml, or push with --all, which skips"
                                    + " environments without one");
                    return ExitCode.USAGE;
                }
            }
        }
        for (Environment environment : selected) {
            if (environment.output().remote().isEmpty()) {
                if (environments.all) {
                    console.result(String.format("%-10s %-16s no output.remote", "skipped", environment.name()));
                } else {
                    console.failure("`" + environment.name() + "` has no output.remote to push to",
                            "set `output.remote` for it in environments.toml");
                    failed++;
                }
                continue;
            }
            RemoteUrl remote = new RemoteUrl(environment.output().remote().get());
            try (OutputRepository repository = OutputRepository.openExisting(
                    folders.folder(environment), environment.output().branch(), progress)) {
                PushResult result = new OutputRemote(repository, remote, credentials, environment.name()).push(adoptDrift);
                if (result instanceof PushResult.Pushed p) {
                    pushed++;
                    console.result(String.format("%-10s %-16s %s  %s%s", "pushed", environment.name(),
                            p.commit().substring(0, 12), remote.redacted(),
                            p.rebuilt() ? "  (rebuilt on the remote's newer head)" : ""));
                } else if (result instanceof PushResult.UpToDate u) {
                    console.result(String.format("%-10s %-16s %s  %s", "up-to-date", environment.name(),
                            u.commit().substring(0, 12), remote.redacted()));
                } else if (result instanceof PushResult.Drifted d) {
                    Reports.drift(console, environment.name(), remote, d.drift());
                    failed++;
                }
            } catch (PublishException e) {
                console.failure(e.getMessage(), e.hint());
                failed++;
            }
        }
        console.result(String.format("%d pushed, %d failed", pushed, failed));
        return failed > 0 ? ExitCode.OPERATION_FAILED : ExitCode.OK;
    }
}
