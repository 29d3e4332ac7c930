package dev.petal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Petal's public API, enforced: the packages listed in {@link ApiCheck#API_PACKAGES} (and the few types of
 * {@link ApiCheck#API_TYPES}) are what a user programs against, everything else under {@code dev.petal} is internal.
 * Every public or protected member of a public API type may mention only API types and the JDK's (no internal Petal
 * type, no Jackson, no EJML, no Javalin), and no API type exposes a public mutable static field. The module's
 * compiled classes are read from the class path ({@code target/classes} of core, datasets, models, tracking, serving
 * and examples). The spark module runs the same check on its own API package ({@code SparkPublicApiTest}).
 *
 * <p>Why a test and not JPMS {@code module-info}: Petal is used on the class path (the CLI's shaded jar, Spark
 * executors, Maven/Gradle projects), where module-info hides nothing; surefire, Jackson's and picocli's reflection,
 * Javalin and Spark (which is not modular) would each need opens and patches. This check holds on every class path
 * and fails the build with the offending member named.
 */
class PublicApiTest {
    static List<String> violations(Class<?> c) {
        return ApiCheck.violations(c, ApiCheck::isApi);
    }

    @Test
    void apiTypesMentionOnlyApiTypesAndTheJdk() throws IOException {
        List<Class<?>> all = ApiCheck.petalClasses();
        assertTrue(all.size() > 100, "found only " + all.size() + " Petal classes on the class path");
        Set<String> problems = new TreeSet<>();
        for (Class<?> c : all) {
            if (ApiCheck.isApiType(c, ApiCheck::isApi)) {
                problems.addAll(violations(c));
            }
        }
        assertEquals("", String.join("\n", problems), problems.size() + " API problems");
    }

    @Test
    void theCheckSeesAnInternalTypeInAnApiSignature() {
        assertEquals(List.of("dev.petal.cli.PublicApiTest$Leaky.mapper mentions com.fasterxml.jackson.databind.ObjectMapper",
                "dev.petal.cli.PublicApiTest$Leaky.SHARED is a public mutable static field"),
                violations(Leaky.class).stream().filter(v -> !v.contains("(supertypes)")).sorted((a, b) -> b.compareTo(a))
                        .toList());
    }

    /** A type that breaks both rules, to show the check can fail. */
    public static final class Leaky {
        /** A public mutable static. */
        public static String SHARED = "";

        /** An API method returning a Jackson type. */
        public com.fasterxml.jackson.databind.ObjectMapper mapper() {
            return null;
        }
    }
}
