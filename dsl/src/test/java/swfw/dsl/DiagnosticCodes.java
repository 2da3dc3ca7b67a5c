package swfw.dsl;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;

/** Every diagnostic code constant the front end declares, by code, read from the classes that own them. */
final class DiagnosticCodes {
  private static final String[] OWNERS = {
    "swfw.dsl.check.Codes", "swfw.dsl.parse.PolicyParser", "swfw.dsl.parse.SyntaxErrors", "swfw.dsl.load.PolicyLoader",
  };

  private DiagnosticCodes() {}

  /** Code to the constant's qualified name, e.g. {@code SW2002 -> Codes.REVERSED_RANGE}. */
  static Map<String, String> all() {
    Map<String, String> codes = new TreeMap<>();
    for (String owner : OWNERS) {
      try {
        Class<?> c = Class.forName(owner);
        for (Field f : c.getDeclaredFields()) {
          if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
            f.setAccessible(true);
            String value = (String) f.get(null);
            if (value.matches("SW\\d{4}")) {
              codes.put(value, c.getSimpleName() + "." + f.getName());
            }
          }
        }
      } catch (ReflectiveOperationException e) {
        throw new AssertionError("cannot read the codes of " + owner, e);
      }
    }
    return codes;
  }
}
