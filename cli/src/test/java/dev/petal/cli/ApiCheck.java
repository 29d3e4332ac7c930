package dev.petal.cli;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The public-API check shared by {@link PublicApiTest} (the modules on the CLI's class path) and the spark module's
 * own test (its API package, which mentions Spark's types): which types a public signature mentions, and the
 * Petal classes on the class path. Published in petal-cli's test jar.
 */
public final class ApiCheck {
    /** The packages a user programs against (docs/architecture.md lists the same). */
    public static final Set<String> API_PACKAGES = Set.of(
            "dev.petal.api", "dev.petal.linalg", "dev.petal.metrics", "dev.petal.selection",
            "dev.petal.datasets",
            "dev.petal.svm", "dev.petal.linear", "dev.petal.preprocessing", "dev.petal.pipeline", "dev.petal.modelio",
            "dev.petal.interop",
            "dev.petal.tracking", "dev.petal.registry", "dev.petal.tuning",
            "dev.petal.serving",
            "dev.petal.examples");
    /** API types that live in an internal package because internal code throws or takes them. */
    public static final Set<String> API_TYPES = Set.of("dev.petal.io.ModelFormatException", "dev.petal.io.ArchiveLimits");

    private ApiCheck() {
    }

    /**
     * Whether {@code c} is a JDK type, a primitive, or a public type of {@code packages} or named in {@code types}
     * (a nested type by its top-level type's name).
     */
    public static boolean isApi(Class<?> c, Set<String> packages, Set<String> types) {
        while (c.isArray()) {
            c = c.getComponentType();
        }
        if (c.isPrimitive()) {
            return true;
        }
        String n = c.getName();
        if (n.startsWith("java.") || n.startsWith("javax.")) {
            return true;
        }
        Class<?> top = c;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        return (packages.contains(c.getPackageName()) || types.contains(top.getName()))
                && Modifier.isPublic(c.getModifiers());
    }

    /** {@link #isApi(Class, Set, Set)} with Petal's API packages and types. */
    public static boolean isApi(Class<?> c) {
        return isApi(c, API_PACKAGES, API_TYPES);
    }

    /**
     * Every Petal main class on the class path: from the modules' {@code target/classes} folders (as {@code mvn test}
     * runs) or their {@code petal-*.jar} files (as {@code mvn verify} resolves the reactor's modules).
     */
    public static List<Class<?>> petalClasses() throws IOException {
        List<String> names = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path root = Path.of(entry);
            String file = root.getFileName() == null ? "" : root.getFileName().toString();
            if (Files.isDirectory(root.resolve("dev/petal")) && !root.toString().contains("test-classes")) {
                try (Stream<Path> s = Files.walk(root.resolve("dev/petal"))) {
                    for (Path p : (Iterable<Path>) s.filter(f -> f.toString().endsWith(".class"))::iterator) {
                        names.add(root.relativize(p).toString().replace(java.io.File.separatorChar, '/'));
                    }
                }
            } else if (file.startsWith("petal-") && file.endsWith(".jar") && !file.endsWith("-tests.jar") && Files.isRegularFile(root)) {
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(root.toFile())) {
                    jar.stream().map(java.util.jar.JarEntry::getName)
                            .filter(n -> n.startsWith("dev/petal/") && n.endsWith(".class")).forEach(names::add);
                }
            }
        }
        List<Class<?>> out = new ArrayList<>();
        for (String rel : names) {
            String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
            if (name.endsWith("package-info")) {
                continue;
            }
            try {
                out.add(Class.forName(name, false, ApiCheck.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new AssertionError("cannot load " + name, e);
            }
        }
        return out;
    }

    /** Whether {@code c} is a type a user can name: API by {@code api}, not local or anonymous, public all the way out. */
    public static boolean isApiType(Class<?> c, Predicate<Class<?>> api) {
        if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic() || !api.test(c)) {
            return false;
        }
        for (Class<?> e = c.getEnclosingClass(); e != null; e = e.getEnclosingClass()) {
            if (!Modifier.isPublic(e.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static void mentions(Type t, Set<Class<?>> into) {
        if (t instanceof Class<?> c) {
            into.add(c);
        } else if (t instanceof ParameterizedType p) {
            mentions(p.getRawType(), into);
            for (Type a : p.getActualTypeArguments()) {
                mentions(a, into);
            }
        } else if (t instanceof GenericArrayType g) {
            mentions(g.getGenericComponentType(), into);
        } else if (t instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                mentions(b, into);
            }
            for (Type b : w.getLowerBounds()) {
                mentions(b, into);
            }
        } else if (t instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                mentions(b, into);
            }
        }
    }

    private static boolean visible(Member m) {
        return Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers());
    }

    /**
     * What is wrong with the API type {@code c}: each supertype, public or protected member or record component
     * that mentions a type {@code allowed} refuses, and each public mutable static field.
     */
    public static List<String> violations(Class<?> c, Predicate<Class<?>> allowed) {
        List<String> out = new ArrayList<>();
        java.util.function.BiConsumer<String, Type[]> check = (where, types) -> {
            Set<Class<?>> seen = new LinkedHashSet<>();
            for (Type t : types) {
                mentions(t, seen);
            }
            for (Class<?> m : seen) {
                if (!allowed.test(m)) {
                    out.add(where + " mentions " + m.getName());
                }
            }
        };
        String n = c.getName();
        List<Type> supers = new ArrayList<>();
        if (c.getGenericSuperclass() != null) {
            supers.add(c.getGenericSuperclass());
        }
        supers.addAll(List.of(c.getGenericInterfaces()));
        check.accept(n + " (supertypes)", supers.toArray(new Type[0]));
        for (Field f : c.getDeclaredFields()) {
            if (visible(f) && !f.isSynthetic()) {
                check.accept(n + "." + f.getName(), new Type[] {f.getGenericType()});
                if (Modifier.isStatic(f.getModifiers()) && !Modifier.isFinal(f.getModifiers())) {
                    out.add(n + "." + f.getName() + " is a public mutable static field");
                }
            }
        }
        List<Executable> members = new ArrayList<>(List.of(c.getDeclaredMethods()));
        members.addAll(List.of(c.getDeclaredConstructors()));
        for (Executable e : members) {
            if (!visible(e) || e.isSynthetic() || (e instanceof Method m && m.isBridge())) {
                continue;
            }
            String where = n + "." + (e instanceof Constructor<?> ? "<init>" : e.getName());
            List<Type> ts = new ArrayList<>(List.of(e.getGenericParameterTypes()));
            ts.addAll(List.of(e.getGenericExceptionTypes()));
            if (e instanceof Method m) {
                ts.add(m.getGenericReturnType());
            }
            check.accept(where, ts.toArray(new Type[0]));
        }
        if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                check.accept(n + "." + rc.getName() + " (record component)", new Type[] {rc.getGenericType()});
            }
        }
        return out;
    }
}
