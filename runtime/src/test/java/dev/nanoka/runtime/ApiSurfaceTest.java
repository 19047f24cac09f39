package dev.nanoka.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime's public API is the package {@code dev.nanoka.runtime}, and only what this test
 * lists: a class made public elsewhere by accident, a new public type, or an API signature that
 * shows an internal or core type fails here. Everything else is in {@code
 * dev.nanoka.runtime.internal}, public only so the API package can call it.
 */
class ApiSurfaceTest {

  /** The API, one page of Javadoc: change it on purpose, and update README's Runtime section. */
  static final Set<String> API = Set.of(
      "DataLossException", "MigrateResult", "MigrationException", "MigrationException$Kind",
      "MigrationIndex", "MigrationListener", "MigrationSource", "MigrationStatus",
      "MigrationStatus$State", "Migrator", "Migrator$Builder", "Migrator$Resolution", "Migrator$Side", "PushResult",
      "RepairResult", "ResetResult", "RollbackResult", "SchemaDefinition", "Seeder");

  private static final String PACKAGE = "dev.nanoka.runtime";
  private static final String INTERNAL = PACKAGE + ".internal";

  @Test
  void publicTypesAreTheApiOrInternal() throws Exception {
    Set<String> api = new TreeSet<>();
    List<String> misplaced = new ArrayList<>();
    for (Class<?> type : mainClasses()) {
      if (!isVisible(type)) {
        continue;
      }
      String pkg = type.getPackageName();
      if (pkg.equals(PACKAGE)) {
        api.add(type.getName().substring(PACKAGE.length() + 1));
      } else if (!pkg.equals(INTERNAL)) {
        misplaced.add(type.getName());
      }
    }
    assertEquals(List.of(), misplaced, "public outside the API and internal packages");
    assertEquals(new TreeSet<>(API), api, "the API package's public types");
  }

  @Test
  void apiSignaturesShowNoInternalType() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : mainClasses()) {
      if (!type.getPackageName().equals(PACKAGE) || !isVisible(type)) {
        continue;
      }
      for (Method method : type.getDeclaredMethods()) {
        if (isVisible(method.getModifiers()) && !method.isSynthetic()) {
          check(method.getGenericReturnType(), type, method.getName(), leaks);
          for (Type parameter : method.getGenericParameterTypes()) {
            check(parameter, type, method.getName(), leaks);
          }
          for (Type thrown : method.getGenericExceptionTypes()) {
            check(thrown, type, method.getName(), leaks);
          }
        }
      }
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (isVisible(constructor.getModifiers())) {
          for (Type parameter : constructor.getGenericParameterTypes()) {
            check(parameter, type, "<init>", leaks);
          }
        }
      }
      for (Field field : type.getDeclaredFields()) {
        if (isVisible(field.getModifiers())) {
          check(field.getGenericType(), type, field.getName(), leaks);
        }
      }
      if (type.isRecord()) {
        for (RecordComponent component : type.getRecordComponents()) {
          check(component.getGenericType(), type, component.getName(), leaks);
        }
      }
    }
    assertEquals(List.of(), leaks, "API signatures that show types users cannot rely on");
  }

  private static void check(Type type, Class<?> owner, String member, List<String> leaks) {
    if (type instanceof ParameterizedType parameterized) {
      check(parameterized.getRawType(), owner, member, leaks);
      for (Type argument : parameterized.getActualTypeArguments()) {
        check(argument, owner, member, leaks);
      }
    } else if (type instanceof WildcardType wildcard) {
      for (Type bound : wildcard.getUpperBounds()) {
        check(bound, owner, member, leaks);
      }
    } else if (type instanceof Class<?> raw) {
      Class<?> element = raw;
      while (element.isArray()) {
        element = element.getComponentType();
      }
      String name = element.getName();
      if (name.startsWith("dev.nanoka.") && !element.getPackageName().equals(PACKAGE)) {
        leaks.add(owner.getSimpleName() + "." + member + " uses " + name);
      }
    }
  }

  private static boolean isVisible(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!isVisible(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass()) {
        return false;
      }
    }
    return true;
  }

  private static boolean isVisible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  /** Every class the runtime module compiles, nested ones included. */
  private static List<Class<?>> mainClasses() throws IOException, ClassNotFoundException {
    Path root = Path.of("target/classes");
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
        String name = root.relativize(file).toString().replace('/', '.').replace('\\', '.');
        name = name.substring(0, name.length() - ".class".length());
        if (!name.endsWith("package-info")) {
          classes.add(Class.forName(name, false, ApiSurfaceTest.class.getClassLoader()));
        }
      }
    }
    return classes;
  }
}
