package dev.storyc.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completion of environment, story and release names. Picocli's script lists an argument's
 * candidates when the script is generated, but these names belong to the workspace the shell is in
 * when Tab is pressed. So each such argument has one placeholder candidate, and {@link #expand}
 * turns the script's use of it into a call of {@code storyc __names}, which lists them then, with
 * the same rules the commands use. The call runs only when that argument is being completed, not
 * for every Tab in its command.
 */
final class NameCompletion {
    private static final Pattern PLACEHOLDER_ARRAY =
            Pattern.compile("\\n *local (\\w+)=\\(\"@storyc-names:(\\w+)@\"\\)[^\\n]*");
    private static final Pattern FUNCTION = Pattern.compile("(?m)^function ");

    /** The shell function the expanded script calls; storyc's stderr is kept off the terminal. */
    private static final String NAMES_FUNCTION = """

            # Lists the workspace's environments, stories or releases for completion. storyc lists them
            # itself, so the names offered are those its commands accept; outside a workspace, none.
            # A --project (or -p) already on the line names the workspace, as it will for the command.
            function _storyc_names() {
              local storyc="${COMP_WORDS[0]}" project=() i
              [[ "${storyc}" == "~/"* ]] && storyc="${HOME}/${storyc#"~/"}"
              for (( i=1; i<COMP_CWORD; i++ )); do
                case "${COMP_WORDS[i]}" in
                  -p|--project) project=("${COMP_WORDS[i+1]}") ;;
                  --project=*) project=("${COMP_WORDS[i]#--project=}") ;;
                esac
              done
              if (( ${#project[@]} )); then
                [[ "${project[0]}" == "~/"* ]] && project=("${HOME}/${project[0]#"~/"}")
                project=(--project "${project[0]}")
              fi
              "${storyc}" "${project[@]}" __names "$1" 2>/dev/null
            }
            """;

    private NameCompletion() {}

    /** The candidates of an argument that names an environment. */
    static final class Environments implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return placeholder(NamesCommand.Kind.env);
        }
    }

    /** The candidates of an argument that names a story. */
    static final class Stories implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return placeholder(NamesCommand.Kind.story);
        }
    }

    /** The candidates of an argument that names a release. */
    static final class Releases implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return placeholder(NamesCommand.Kind.release);
        }
    }

    private static Iterator<String> placeholder(NamesCommand.Kind kind) {
        return List.of("@storyc-names:" + kind + "@").iterator();
    }

    /**
     * Returns Picocli's bash script with each placeholder array replaced by a call of {@code
     * _storyc_names}. Arrays are local to the function that completes one command, and two commands
     * may give theirs the same name for different kinds (env diff's {@code A} and release diff's), so
     * each function is rewritten on its own.
     */
    static String expand(String script) {
        StringBuilder expanded = new StringBuilder();
        Matcher functions = FUNCTION.matcher(script);
        int start = 0;
        while (functions.find()) {
            expanded.append(expandFunction(script.substring(start, functions.start())));
            start = functions.start();
        }
        expanded.append(expandFunction(script.substring(start)));
        if (expanded.indexOf("@storyc-names:") >= 0) {
            throw new IllegalStateException("a name placeholder is left in the completion script: Picocli's"
                    + " script no longer declares candidates as `local NAME=(\"...\")`");
        }
        return expanded.append(NAMES_FUNCTION).toString();
    }

    private static String expandFunction(String function) {
        Map<String, String> kinds = new java.util.HashMap<>();
        Matcher declarations = PLACEHOLDER_ARRAY.matcher(function);
        while (declarations.find()) {
            kinds.put(declarations.group(1), declarations.group(2));
        }
        String result = PLACEHOLDER_ARRAY.matcher(function).replaceAll("");
        for (Map.Entry<String, String> array : kinds.entrySet()) {
            result = result.replace("\"${" + array.getKey() + "[@]}\"", "$(_storyc_names " + array.getValue() + ")");
        }
        return result;
    }
}
