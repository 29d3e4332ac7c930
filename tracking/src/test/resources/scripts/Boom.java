import dev.petal.tracking.Run;

/** A submitted test script that logs a value, then fails. */
public class Boom {
    public static void main(String[] args) {
        Run run = Run.getContext();
        run.log("before", 1.0);
        System.out.println("about to fail");
        throw new IllegalStateException("boom in script");
    }
}
