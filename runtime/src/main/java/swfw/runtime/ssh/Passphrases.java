package swfw.runtime.ssh;

import java.nio.file.Path;
import java.util.Optional;

/** Where the passphrase of an encrypted private key comes from (an environment variable, a prompt). */
@FunctionalInterface
public interface Passphrases {
  /** The passphrase for {@code key}, or empty when none can be had. Called at most once per key file. */
  Optional<char[]> forKey(Path key);

  static Passphrases none() {
    return key -> Optional.empty();
  }
}
