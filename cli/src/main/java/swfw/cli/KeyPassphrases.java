package swfw.cli;

import java.io.Console;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Key passphrases: from SWFW_SSH_PASSPHRASE, else asked on the terminal once per key file. Never
 * printed, never logged.
 */
final class KeyPassphrases implements swfw.runtime.ssh.Passphrases {
  static final String ENV = "SWFW_SSH_PASSPHRASE";
  private final Map<Path, char[]> asked = new HashMap<>();

  @Override
  public synchronized Optional<char[]> forKey(Path key) {
    String env = System.getenv(ENV);
    if (env != null) {
      return Optional.of(env.toCharArray());
    }
    char[] known = asked.get(key);
    if (known != null) {
      return Optional.of(known.clone());
    }
    Console console = System.console();
    if (console == null) {
      return Optional.empty();
    }
    char[] p = console.readPassword("Passphrase for key %s: ", key);
    if (p != null) {
      asked.put(key, p.clone());
    }
    return Optional.ofNullable(p);
  }
}
