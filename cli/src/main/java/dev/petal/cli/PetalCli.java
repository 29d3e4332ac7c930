package dev.petal.cli;

import dev.petal.api.Version;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code petal} command: entry point, subcommand table and the exit-status contract. */
@Command(name = "petal",
        mixinStandardHelpOptions = true,
        versionProvider = PetalCli.VersionProvider.class,
        description = "Pure-Java machine learning with scikit-learn parity: split, train, predict, track, serve, tune.",
        // the subcommands are registered in execute(): only the one named on the command line, so that a
        // command does not pay for picocli reading every other command's annotations (about 0.4 s of CPU)
        subcommands = {})
public final class PetalCli implements Runnable {
    /** Every subcommand, in the order 'petal --help' lists them. */
    static final java.util.List<Class<?>> COMMANDS = java.util.List.of(
            CommandLine.HelpCommand.class,
            SplitCommand.class,
            TrainCommand.class,
            CvCommand.class,
            PredictCommand.class,
            EvaluateCommand.class,
            ScoreCommand.class,
            RunCommand.class,
            RunsCommand.class,
            ModelsCommand.class,
            ServeCommand.class,
            TutorialCommand.class,
            TuneCommand.class,
            UiCommand.class,
            ImportCommand.class,
            ClusterCommand.class,
            ExportCommand.class);

    /**
     * The name of each of {@link #COMMANDS}, in the same order: what {@code execute} matches the command line
     * against without reading every command's annotations (that parsed each one's annotations and loaded
     * their nested subcommand classes; PetalCliTest checks these against the annotations).
     */
    static final java.util.List<String> NAMES = java.util.List.of("help", "split", "train", "cv", "predict", "evaluate",
            "score", "run", "runs", "models", "serve", "tutorial", "tune", "ui", "import", "cluster", "export");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "On an error, also print its stack trace.")
    boolean verbose;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see 'petal --help')");
    }

    /** Runs the command line and returns the exit status: 0 success, 2 usage error, 1 any other error. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new PetalCli());
        String named = firstPositional(args);
        boolean one = !named.equals("help") && NAMES.contains(named);
        for (int i = 0; i < COMMANDS.size(); i++) {
            if (!one || NAMES.get(i).equals(named)) {
                cl.addSubcommand(COMMANDS.get(i));
            }
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.getSubcommands().values().stream().filter(sub -> sub.getCommand() instanceof ScriptCommand)
                .forEach(sub -> sub.setStopAtPositional(true));
        addHelpOption(cl);
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        cl.setParameterExceptionHandler((ex, a) -> {
            String flagged = FlagErrors.forFlag(ex.getCommandLine(), ex.getMessage());
            err.println("error: " + oneLine(flagged != null ? flagged : ex.getMessage()));
            err.flush();
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable cause = ex;
            OutOfMemoryError oom = OutOfMemory.find(cause);
            if (oom != null) {
                err.println("error: " + OutOfMemory.explain(oom, args));
                err.flush();
                return 1;
            }
            String flagged = cause instanceof IllegalArgumentException
                    ? FlagErrors.forFlag(commandLine, cause.getMessage()) : null;
            err.println("error: " + oneLine(flagged != null ? flagged : describe(cause)));
            if (verbose) {
                cause.printStackTrace(err);
            }
            err.flush();
            return flagged != null ? 2 : 1;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands errors (not exceptions) back to the caller: a full heap is still one line
            err.println("error: " + OutOfMemory.explain(e, args));
            code = 1;
        }
        out.flush();
        err.flush();
        return code;
    }

    /** The first argument that is not an option: the subcommand's name, or "" when there is none. */
    private static String firstPositional(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return "";
    }

    /** Gives every subcommand {@code -h/--help}, as the top-level command has. */
    private static void addHelpOption(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            CommandLine.Model.CommandSpec s = sub.getCommandSpec();
            if (s.findOption("--help") == null) {
                s.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help message and exit.").build());
            }
            addHelpOption(sub);
        }
    }

    /** Whether {@code --verbose} was given anywhere on the command line that {@code spec} belongs to. */
    static boolean verbose(CommandLine.Model.CommandSpec spec) {
        return spec.root().userObject() instanceof PetalCli p && p.verbose;
    }

    /** The message of {@code t}, or its type where it has none. */
    static String describe(Throwable t) {
        if (t instanceof ExceptionInInitializerError && t.getCause() != null) {
            return describe(t.getCause());   // e.g. a bad -Dpetal.threads, refused while a class initialises
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /** Folds a multi-line message into one line, as the CLI contract requires. */
    static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** The {@code petal} launcher's main method. */
    public static void main(String[] args) {
        Timings.mark("main");
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(args, out, err));
    }

    /** Supplies {@code petal --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"petal " + Version.petal() + " (Java " + Version.java() + ")"};
        }
    }
}
