package dev.petal.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** What one in-process {@code petal} invocation returned and printed, for the command tests. */
record CliResult(int code, String out, String err) {
    /** Runs {@code petal ARGS...} through {@link PetalCli#execute} and captures its exit status and output. */
    static CliResult petal(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PetalCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new CliResult(code, out.toString(), err.toString());
    }
}
