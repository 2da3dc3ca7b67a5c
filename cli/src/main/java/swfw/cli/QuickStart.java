package swfw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Runs {@code check}, {@code compile} and {@code push} without picocli when their arguments are plain:
 * CI runs the first two on every commit, and setting picocli up (its classes, reading the commands'
 * annotations, reflection) costs more than checking a cluster's policy; a push waits for it before its
 * first connection. Anything else (help, version, an option given twice or
 * as {@code --opt=value}, an unknown option, {@code @argfiles}, {@code --format}, …) is declined and
 * picocli handles the whole command line as usual, errors included. {@code QuickStartTest} checks that
 * every accepted command line sets the same fields as picocli would.
 */
final class QuickStart {
  private static final Set<String> CHECK_FLAGS = Set.of("--strict", "--allow-lockout", "--dump-ast");
  private static final Set<String> COMPILE_FLAGS = Set.of("--stdout", "--live", "--check", "--strict", "--no-expect");

  private QuickStart() {}

  /** The exit code of the command, or null when these arguments are picocli's to handle. */
  static Integer run(String[] args, PrintWriter out, PrintWriter err) {
    Callable<Integer> command = parse(args, out, err);
    if (command == null) {
      return null;
    }
    try {
      return command.call();
    } catch (Exception e) {
      return Cli.failed(e, err);
    }
  }

  /** The command these arguments ask for, its fields set as picocli would set them; null when declined. */
  static Callable<Integer> parse(String[] args, PrintWriter out, PrintWriter err) {
    if (args.length < 2) {
      return null;
    }
    return switch (args[0]) {
      case "check" -> check(PlainArgs.read(args, CHECK_FLAGS, Map.of()), out, err);
      case "compile" -> compile(PlainArgs.read(args, COMPILE_FLAGS, COMPILE_VALUED), out, err);
      case "push" -> push(PlainArgs.read(args, PUSH_FLAGS, PUSH_VALUED), out, err);
      default -> null;
    };
  }

  /**
   * A command line of flags, options with a value and files, nothing given twice; options keyed by the
   * name {@code valuedNames} gives each spelling.
   */
  private record PlainArgs(Set<String> flags, Map<String, String> valued, List<Path> files) {
    /** The arguments after the verb, or null when they are not that plain. */
    static PlainArgs read(String[] args, Set<String> flagNames, Map<String, String> valuedNames) {
      PlainArgs plain = new PlainArgs(new HashSet<>(), new HashMap<>(), new ArrayList<>());
      for (int i = 1; i < args.length; i++) {
        String a = args[i];
        if (a.isEmpty() || a.charAt(0) == '@') {
          return null;
        }
        String key = valuedNames.get(a);
        if (a.charAt(0) != '-') {
          plain.files.add(Path.of(a));
        } else if (flagNames.contains(a)) {
          if (!plain.flags.add(a)) {
            return null;
          }
        } else if (key != null) {
          if (i + 1 == args.length || args[i + 1].isEmpty() || args[i + 1].charAt(0) == '-'
              || args[i + 1].charAt(0) == '@' || plain.valued.containsKey(key)) {
            return null;
          }
          plain.valued.put(key, args[++i]);
        } else {
          return null;
        }
      }
      return plain;
    }
  }

  private static final Map<String, String> COMPILE_VALUED = Map.of("-o", "-o", "--output", "-o", "--node", "--node");
  private static final Set<String> PUSH_FLAGS = Set.of("--dry-run", "--allow-lockout", "--timings",
      "--accept-new-host-keys");
  private static final Map<String, String> PUSH_VALUED = keyedByThemselves("--known-hosts", "--forks", "--output",
      "--confirm-timeout", "--serial", "--manager", "--drain-timeout", "--connect-timeout", "--command-timeout",
      "--inventory", "--limit");

  /**
   * 1 to 9 digits. By hand, not a regex: this class runs at every check and compile, and compiling a
   * pattern there costs more than the test.
   */
  private static boolean isCount(String s) {
    return digits(s, 0, s.length());
  }

  /** 1 to 9 digits, then optionally a point and 1 to 9 digits. */
  private static boolean isSeconds(String s) {
    int point = s.indexOf('.');
    return point < 0 ? digits(s, 0, s.length()) : digits(s, 0, point) && digits(s, point + 1, s.length());
  }

  private static boolean digits(String s, int from, int to) {
    if (to - from < 1 || to - from > 9) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static Map<String, String> keyedByThemselves(String... names) {
    Map<String, String> keyed = new HashMap<>();
    for (String name : names) {
      keyed.put(name, name);
    }
    return keyed;
  }

  /**
   * {@code push} with plain options (each once, as {@code --opt value}): a push's start-up comes before
   * its first connection, and picocli's set-up is a large part of it.
   */
  private static Callable<Integer> push(PlainArgs plain, PrintWriter out, PrintWriter err) {
    if (plain == null) {
      return null;
    }
    Set<String> flags = plain.flags();
    Map<String, String> valued = plain.valued();
    List<Path> files = plain.files();
    if (files.size() != 1) {
      return null;
    }
    for (String count : List.of("--forks", "--serial")) {
      if (valued.containsKey(count) && !isCount(valued.get(count))) {
        return null;
      }
    }
    for (String secs : List.of("--confirm-timeout", "--drain-timeout", "--connect-timeout", "--command-timeout")) {
      if (valued.containsKey(secs) && !isSeconds(valued.get(secs))) {
        return null;
      }
    }
    String limit = valued.get("--limit");
    if (limit != null && (limit.startsWith(",") || limit.endsWith(",") || limit.contains(",,"))) {
      return null;
    }
    PushCommand c = new PushCommand();
    c.file = files.get(0);
    c.hosts = new HostOptions();
    c.hosts.inventory = valued.containsKey("--inventory") ? Path.of(valued.get("--inventory")) : null;
    c.hosts.limit = limit == null ? List.of() : List.of(limit.split(","));
    c.hosts.forks = Integer.parseInt(valued.getOrDefault("--forks", "5"));
    c.sshSettings = new SshSettings();
    c.sshSettings.knownHosts = valued.containsKey("--known-hosts") ? Path.of(valued.get("--known-hosts")) : null;
    c.sshSettings.acceptNew = flags.contains("--accept-new-host-keys");
    c.sshSettings.connectTimeout = Double.parseDouble(valued.getOrDefault("--connect-timeout", "10"));
    c.sshSettings.commandTimeout = Double.parseDouble(valued.getOrDefault("--command-timeout", "60"));
    c.confirmTimeout = Double.parseDouble(valued.getOrDefault("--confirm-timeout", "30"));
    c.serial = Integer.parseInt(valued.getOrDefault("--serial", "1"));
    c.manager = valued.get("--manager");
    c.drainTimeout = Double.parseDouble(valued.getOrDefault("--drain-timeout", "120"));
    c.dryRun = flags.contains("--dry-run");
    c.allowLockout = flags.contains("--allow-lockout");
    c.output = valued.getOrDefault("--output", "table");
    c.timings = flags.contains("--timings");
    c.quickOut = out;
    c.quickErr = err;
    return c;
  }

  private static Callable<Integer> check(PlainArgs plain, PrintWriter out, PrintWriter err) {
    if (plain == null || plain.files().isEmpty()) {
      return null;
    }
    Set<String> flags = plain.flags();
    List<Path> files = plain.files();
    CheckCommand c = new CheckCommand();
    c.files = files;
    c.format = "text";
    c.strict = flags.contains("--strict");
    c.allowLockout = flags.contains("--allow-lockout");
    c.dumpAst = flags.contains("--dump-ast");
    c.quickOut = out;
    c.quickErr = err;
    return c;
  }

  private static Callable<Integer> compile(PlainArgs plain, PrintWriter out, PrintWriter err) {
    if (plain == null) {
      return null;
    }
    Set<String> flags = plain.flags();
    Map<String, String> valued = plain.valued();
    List<Path> files = plain.files();
    boolean check = flags.contains("--check");
    String output = valued.get("-o");
    if (files.size() != 1 || check && output == null) {
      return null;
    }
    CompileCommand c = new CompileCommand();
    c.file = files.get(0);
    c.outputDir = output == null ? null : Path.of(output);
    c.node = valued.get("--node");
    c.stdout = flags.contains("--stdout");
    c.live = flags.contains("--live");
    c.check = check;
    c.strict = flags.contains("--strict");
    c.noExpect = flags.contains("--no-expect");
    c.quickOut = out;
    c.quickErr = err;
    return c;
  }
}
