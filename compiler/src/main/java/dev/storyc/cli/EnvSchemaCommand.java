package dev.storyc.cli;

import dev.storyc.config.JsonSchema;
import dev.storyc.workspace.StdlibLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code storyc env schema}: a JSON Schema of environments.toml for editors. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Print a JSON Schema (draft-07) of environments.toml, for editors that validate and"
                + " complete TOML as you type (Taplo, Even Better TOML). Save it and point `#:schema` at it."})
final class EnvSchemaCommand implements Callable<Integer> {
    @ParentCommand
    EnvCommand env;

    @Override
    public Integer call() {
        Console console = env.root.console();
        console.out().print(JsonSchema.of(StdlibLoader.load().environmentType()));
        console.out().flush();
        return ExitCode.OK;
    }
}
