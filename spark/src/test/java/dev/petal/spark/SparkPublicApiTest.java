package dev.petal.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.cli.ApiCheck;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The spark module's API package, checked as cli's {@code PublicApiTest} checks the others (that test cannot see
 * this module): every public or protected member, supertype and record component of a public type in
 * {@code dev.petal.spark} mentions only Petal's API types, the JDK's and Spark's own API types (the packages of
 * {@link #SPARK_API}: {@code Dataset}, {@code Row}, {@code SparkSession}, {@code StructType}, ...), and no public
 * mutable static field exists.
 */
class SparkPublicApiTest {
    /** Spark's packages whose types a Spark user already programs against. */
    static final Set<String> SPARK_API = Set.of("org.apache.spark.sql", "org.apache.spark.sql.types",
            "org.apache.spark.api.java", "org.apache.spark.api.java.function");

    private static final Set<String> PACKAGES = new HashSet<>(ApiCheck.API_PACKAGES);

    static {
        PACKAGES.add("dev.petal.spark");
    }

    static boolean allowed(Class<?> c) {
        while (c.isArray()) {
            c = c.getComponentType();
        }
        return ApiCheck.isApi(c, PACKAGES, ApiCheck.API_TYPES)
                || SPARK_API.contains(c.getPackageName()) && java.lang.reflect.Modifier.isPublic(c.getModifiers());
    }

    @Test
    void sparkApiTypesMentionOnlyApiTypesTheJdkAndSparksApi() throws IOException {
        List<Class<?>> spark = ApiCheck.petalClasses().stream()
                .filter(c -> c.getPackageName().equals("dev.petal.spark")).toList();
        assertTrue(spark.size() >= 5, "found only " + spark.size() + " classes of dev.petal.spark on the class path");
        Set<String> problems = new TreeSet<>();
        for (Class<?> c : spark) {
            if (ApiCheck.isApiType(c, SparkPublicApiTest::allowed)) {
                problems.addAll(ApiCheck.violations(c, SparkPublicApiTest::allowed));
            }
        }
        assertEquals("", String.join("\n", problems), problems.size() + " API problems in dev.petal.spark");
    }

    @Test
    void theCheckRefusesSparksInternalsAndPetalsInternals() {
        assertTrue(allowed(org.apache.spark.sql.Dataset.class));
        assertTrue(allowed(SparkScoring.class));
        assertEquals(false, allowed(org.apache.spark.SparkContext.class));
        assertEquals(false, allowed(scala.Tuple2.class));
        assertEquals(false, allowed(dev.petal.tasks.TaskBackend.class));
    }
}
