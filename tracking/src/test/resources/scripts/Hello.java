import dev.petal.tracking.Run;
import java.nio.file.Files;
import java.nio.file.Path;

/** A submitted test script: prints, waits for the test's "go" file, logs, writes outputs/. */
public class Hello {
    public static void main(String[] args) throws Exception {
        Run run = Run.getContext();
        System.out.println("first line from " + run.id());
        System.out.flush();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.exists(Path.of("go")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        run.log("Kernel type", args[1]);
        run.log("Penalty", Double.parseDouble(args[3]));
        run.log("Accuracy", 0.97);
        System.out.println("ignored present: " + Files.exists(Path.of("data/big.bin")));
        System.out.println("notes present: " + Files.exists(Path.of("notes.txt")));
        Files.createDirectories(Path.of("outputs"));
        Files.writeString(Path.of("outputs/model.txt"), "model " + args[1]);
        System.err.println("to stderr");
        System.out.println("done");
    }
}
