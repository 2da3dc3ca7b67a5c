package swfw.runtime.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;
import swfw.runtime.HostError;
import swfw.runtime.inventory.Host;
import swfw.runtime.inventory.Inventory;

/**
 * Opens SSH connections to inventory hosts: known_hosts checked (never a promiscuous verifier),
 * public-key login with OpenSSH keys, timeouts on connect and login, optional jump host. Every
 * {@link #connect} is a new TCP connection. Safe to use from several threads.
 */
public final class Ssh {
  private final SshOptions options;
  private final Inventory inventory;
  private final HostKeys hostKeys;
  private final Config config = sharedConfig();
  private final Map<Path, KeyProvider> keys = new HashMap<>();

  public Ssh(SshOptions options, Inventory inventory) {
    this.options = options;
    this.inventory = inventory;
    this.hostKeys = new HostKeys(options.knownHosts(), options.acceptNewHostKeys());
  }

  /** sshj's configuration, one per process (it is only read); see {@link #prepare}. */
  private static CompletableFuture<Config> shared;

  /**
   * Starts building sshj's configuration on a thread of its own (its classes, the security provider of
   * its algorithms: {@link SshConfig}), which a command that will connect can do while it compiles the
   * policy instead of after.
   */
  public static synchronized void prepare() {
    if (shared == null) {
      CompletableFuture<Config> f = new CompletableFuture<>();
      Thread t = new Thread(() -> {
        try {
          f.complete(SshConfig.build());
        } catch (RuntimeException | Error e) {
          f.completeExceptionally(e);
        }
      }, "swfw-ssh-config");
      t.setDaemon(true);
      t.start();
      shared = f;
    }
  }

  private static Config sharedConfig() {
    CompletableFuture<Config> f;
    synchronized (Ssh.class) {
      prepare();
      f = shared;
    }
    return f.join();
  }

  public SshOptions options() {
    return options;
  }

  /** A new, authenticated connection to {@code host} (through its jump host, if it has one). */
  public Remote connect(Host host) throws HostError {
    return connect(host, options.connectTimeout());
  }

  /** {@link #connect(Host)} with its own connect timeout (the confirmation must beat the rollback timer). */
  public Remote connect(Host host, java.time.Duration timeout) throws HostError {
    SSHClient jump = null;
    if (host.jump().isPresent()) {
      Host via = jumpHost(host);
      jump = open(via, null, timeout).client;
    }
    try {
      Opened o = open(host, jump, timeout);
      return new Remote(host, o.client, jump, options.commandTimeout(), o.algorithms);
    } catch (HostError e) {
      if (jump != null) {
        Remote.closeQuietly(jump);
      }
      throw e;
    }
  }

  private record Opened(SSHClient client, String algorithms) {}

  private Opened open(Host host, SSHClient via, java.time.Duration timeout) throws HostError {
    SSHClient c = new SSHClient(config);
    c.setSocketFactory(PromptSockets.INSTANCE);
    HostKeys.Verifier verifier;
    try {
      verifier = hostKeys.verifier();
    } catch (IOException e) {
      throw new HostError("cannot read " + options.knownHosts() + ": " + Failures.reason(e));
    }
    c.addHostKeyVerifier(verifier);
    String[] negotiated = {"?"};
    c.getTransport().addAlgorithmsVerifier(a -> {
      negotiated[0] = a.getKeyExchangeAlgorithm() + " " + a.getSignatureAlgorithm() + " "
          + a.getClient2ServerCipherAlgorithm()
          + (a.getClient2ServerCipherAlgorithm().contains("-poly1305") || a.getClient2ServerCipherAlgorithm().contains("gcm")
              ? "" : " " + a.getClient2ServerMACAlgorithm());
      return true;
    });
    int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    c.setConnectTimeout(ms);
    c.getTransport().setTimeoutMs(ms);
    try {
      if (via != null) {
        DirectConnection tunnel = via.newDirectConnection(host.address(), host.port());
        c.connectVia(tunnel);
      } else {
        c.connect(host.address(), host.port());
      }
    } catch (IOException e) {
      Remote.closeQuietly(c);
      String refusal = verifier.refusal();
      throw new HostError(refusal != null ? refusal : "cannot connect to " + host.endpoint()
          + (via != null ? " through " + host.jump().get() : "") + ": " + Failures.reason(e));
    }
    List<KeyProvider> providers;
    try {
      providers = keyProviders(host);
    } catch (HostError e) {
      Remote.closeQuietly(c);
      throw e;
    }
    try {
      c.auth(host.user(), providers.stream().<net.schmizz.sshj.userauth.method.AuthMethod>map(SignedPublickey::new)
          .toList());
    } catch (IOException e) {
      Remote.closeQuietly(c);
      String keyNames = String.join(", ", keyFiles(host).stream().map(Path::toString).toList());
      throw new HostError(Failures.isAuth(e) ? "cannot log in as " + host.user() + "@" + host.endpoint()
          + ": the server refused the key " + keyNames : "cannot log in as " + host.user() + "@"
          + host.endpoint() + ": " + Failures.reason(e));
    }
    return new Opened(c, negotiated[0]);
  }

  private Host jumpHost(Host host) throws HostError {
    String spec = host.jump().get();
    Optional<Host> named = inventory.host(spec);
    if (named.isPresent()) {
      if (named.get().jump().isPresent()) {
        throw new HostError("jump host '" + spec + "' has a jump host itself: only one hop is supported");
      }
      return named.get();
    }
    String user = "root";
    String rest = spec;
    int at = spec.indexOf('@');
    if (at >= 0) {
      user = spec.substring(0, at);
      rest = spec.substring(at + 1);
    }
    int port = 22;
    int colon = rest.lastIndexOf(':');
    if (colon > 0 && rest.indexOf(':') == colon) {
      try {
        port = Integer.parseInt(rest.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new HostError("bad jump host '" + spec + "': write an inventory host name or user@host:port");
      }
      rest = rest.substring(0, colon);
    }
    return new Host(spec, "", rest, user, port, host.key(), Optional.empty(), Optional.empty());
  }

  List<Path> keyFiles(Host host) {
    if (host.key().isPresent()) {
      return List.of(expand(host.key().get()));
    }
    return options.defaultKeys().stream().filter(Files::isRegularFile).toList();
  }

  private List<KeyProvider> keyProviders(Host host) throws HostError {
    List<Path> files = keyFiles(host);
    if (files.isEmpty()) {
      throw new HostError("no SSH key to log in with: give the host a key \"FILE\", or create "
          + options.defaultKeys().get(0));
    }
    List<KeyProvider> out = new ArrayList<>();
    for (Path f : files) {
      if (!Files.isReadable(f)) {
        throw new HostError("cannot read key " + f + (Files.exists(f) ? ": permission denied" : ": no such file"));
      }
      out.add(key(f));
    }
    return out;
  }

  /** Loads and decrypts a key once per run: a bad passphrase is a key problem, not a login failure. */
  private KeyProvider key(Path file) throws HostError {
    synchronized (keys) {
      KeyProvider known = keys.get(file);
      if (known != null) {
        return known;
      }
      Finder finder = new Finder(file, options.passphrases());
      try (SSHClient loader = new SSHClient(config)) {
        KeyProvider p = loader.loadKeys(file.toString(), finder);
        p.getPrivate();
        p.getPublic();
        keys.put(file, p);
        return p;
      } catch (IOException | RuntimeException e) {
        if (finder.asked && !finder.given) {
          throw new HostError("key " + file + " is encrypted: set SWFW_SSH_PASSPHRASE or run swfw in a terminal");
        }
        throw new HostError("cannot use key " + file + (finder.asked ? ": wrong passphrase?" : ": "
            + Failures.reason(e)));
      }
    }
  }

  static Path expand(String key) {
    if (key.equals("~") || key.startsWith("~/")) {
      return Path.of(System.getProperty("user.home") + key.substring(1));
    }
    return Path.of(key);
  }

  /** Asks {@link Passphrases} once per key; sshj asks again only to retry, which we never do. */
  private static final class Finder implements PasswordFinder {
    private final Path file;
    private final Passphrases passphrases;
    boolean asked;
    boolean given;

    Finder(Path file, Passphrases passphrases) {
      this.file = file;
      this.passphrases = passphrases;
    }

    @Override
    public char[] reqPassword(Resource<?> resource) {
      asked = true;
      char[] p = passphrases.forKey(file).orElse(null);
      given = p != null;
      return p;
    }

    @Override
    public boolean shouldRetry(Resource<?> resource) {
      return false;
    }
  }
}
