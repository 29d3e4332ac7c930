package dev.petal.tracking;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a child process that cannot outlive this one. A JVM killed with SIGKILL runs no shutdown hook, so
 * a script it launched used to run on to the end, in a run already reported Failed. Here the command runs
 * under a small POSIX shell that also watches a pipe from this process: the pipe reaches end-of-file only
 * when this process is gone (however it died), and the shell then kills the script. The shell exits with
 * the script's status (128 + signal when a signal ended it), stopping the watcher first so that it never signals a
 * recycled pid; the script's standard input is closed.
 * Where there is no {@code /bin/sh} the command runs directly, without that guarantee.
 */
final class TiedProcess {
    private static final Path SHELL = Path.of("/bin/sh");
    // a background list's standard input is /dev/null in a non-interactive shell, so the pipe goes by fd 3; the
    // watcher's output goes to /dev/null so that it never holds the script's output pipe open
    private static final String WATCH = "exec 3<&0; \"$@\" <&- 3<&- & child=$!; "
            + "{ cat <&3; kill -9 \"$child\"; } >/dev/null 2>&1 & watcher=$!; "
            + "exec 3<&-; wait \"$child\"; status=$?; kill \"$watcher\" 2>/dev/null; exit \"$status\"";

    private TiedProcess() {
    }

    /** The command line that runs {@code command} tied to this process's life (the pipe is the child's standard input). */
    static List<String> command(List<String> command) {
        if (!Files.isExecutable(SHELL)) {
            return command;
        }
        List<String> tied = new ArrayList<>(command.size() + 4);
        tied.add(SHELL.toString());
        tied.add("-c");
        tied.add(WATCH);
        tied.add("petal-script");
        tied.addAll(command);
        return tied;
    }
}
