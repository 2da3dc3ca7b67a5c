package swfw.dsl.check;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import swfw.diag.Diagnostics;
import swfw.diag.Span;
import swfw.dsl.ast.HostAttr;
import swfw.dsl.ast.Stmt;
import swfw.dsl.value.Cidr;

/** The inventory a policy declares ({@code host …} statements), checked: each host once, with a role and an address. */
final class Hosts {
  private final Map<String, HostEntry> entries = new LinkedHashMap<>();
  /** Where each host's role is written, so a warning about it points there. */
  private final Map<String, Span> roleSpans = new HashMap<>();

  /** The hosts in the order they are declared. */
  List<HostEntry> entries() {
    return List.copyOf(entries.values());
  }

  void add(Stmt.Host host, Values values, Diagnostics diags) {
    Map<HostAttr.Kind, HostAttr> attrs = new HashMap<>();
    for (HostAttr a : host.attrs()) {
      if (attrs.putIfAbsent(a.kind(), a) != null) {
        diags.error(Codes.BAD_HOST, a.span(), "'" + a.kind().keyword() + "' is given twice for host '" + host.name().text() + "'");
      }
    }
    HostAttr role = attrs.get(HostAttr.Kind.ROLE);
    HostAttr address = attrs.get(HostAttr.Kind.ADDRESS);
    if (role == null || address == null) {
      diags.error(Codes.BAD_HOST, host.name().span(), "host '" + host.name().text() + "' needs "
          + (role == null ? "a role" : "an address"), "write: host NAME role ROLE address ADDRESS;");
      return;
    }
    Optional<Cidr> addr = values.hostAddress(address);
    int port = attrs.containsKey(HostAttr.Kind.PORT) ? values.sshPort(attrs.get(HostAttr.Kind.PORT)) : 22;
    if (addr.isEmpty() || port < 0) {
      return;
    }
    HostEntry entry = new HostEntry(host.span(), host.name().text(), role.value(), addr.get().address(),
        value(attrs, HostAttr.Kind.USER), port, value(attrs, HostAttr.Kind.KEY), value(attrs, HostAttr.Kind.JUMP),
        value(attrs, HostAttr.Kind.SWARM));
    HostEntry first = entries.putIfAbsent(entry.name(), entry);
    roleSpans.putIfAbsent(entry.name(), role.valueSpan());
    if (first != null) {
      diags.error(Codes.DUPLICATE_HOST, host.name().span(), "host '" + entry.name() + "' is already defined",
          "note: first defined at " + first.span());
    }
  }

  /** The hosts {@code other} holds, after these; false when both hold a host of one name. */
  boolean takeAll(Hosts other) {
    roleSpans.putAll(other.roleSpans);
    for (HostEntry h : other.entries.values()) {
      if (entries.putIfAbsent(h.name(), h) != null) {
        return false;
      }
    }
    return true;
  }

  /**
   * A host whose role no node declares gets only the global rules: likely a typo when nodes exist. Adds
   * the hosts' roles to {@code roles}, which without nodes are the hosts' roles alone.
   */
  void checkRoles(Set<String> roles, Diagnostics diags) {
    if (roles.isEmpty()) {
      entries.values().forEach(h -> roles.add(h.role()));
      return;
    }
    Set<String> declared = new LinkedHashSet<>(roles);
    for (HostEntry h : entries.values()) {
      if (!declared.contains(h.role())) {
        String hint = Suggestions.closest(h.role(), declared).map(s -> "did you mean '" + s + "'?")
            .orElse("declare it with 'node " + h.role() + " { … }' or use one of: " + String.join(", ", declared));
        diags.warning(Codes.UNKNOWN_ROLE, roleSpans.get(h.name()), "host '" + h.name() + "' has role '" + h.role()
            + "', which no node declares: it gets only the global rules", hint);
        roles.add(h.role());
      }
    }
  }

  private static Optional<String> value(Map<HostAttr.Kind, HostAttr> attrs, HostAttr.Kind kind) {
    return Optional.ofNullable(attrs.get(kind)).map(HostAttr::value);
  }
}
