package swfw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.Compiler;
import swfw.diag.Diagnostics;
import swfw.dsl.Frontend;
import swfw.dsl.check.HostEntry;
import swfw.runtime.Target;
import swfw.runtime.inventory.Inventory;

/** A compiled policy with its inventory and the selected hosts: what plan, push and verify start from. */
record Deployment(CompiledPolicy policy, Inventory inventory, List<Target> targets, Frontend front,
    List<HostEntry> entries) {

  /** Loads, checks and compiles {@code file}; reads the inventory; selects the hosts. Errors end in a UserError. */
  static Deployment load(Path file, HostOptions hosts, PrintWriter err) {
    Frontend front = Frontend.run(file);
    if (Reporter.report(front, err, false) != ExitCodes.OK || front.policy().isEmpty()) {
      throw new UserError(ExitCodes.POLICY, file + ": not deployed, the policy has errors");
    }
    Diagnostics diags = new Diagnostics();
    Optional<CompiledPolicy> compiled = Compiler.compile(front.policy().get(), diags);
    err.print(front.renderer().renderAll(diags.sorted()));
    if (compiled.isEmpty()) {
      throw new UserError(ExitCodes.POLICY, file + ": not deployed, the policy does not compile");
    }
    List<HostEntry> entries = front.policy().get().hosts();
    if (hosts.inventory != null) {
      Frontend inv = Frontend.run(hosts.inventory);
      if (Reporter.report(inv, err, false) != ExitCodes.OK || inv.policy().isEmpty()) {
        throw new UserError(ExitCodes.POLICY, hosts.inventory + ": the inventory has errors");
      }
      entries = inv.policy().get().hosts();
    }
    Inventory inventory = Inventory.of(entries);
    if (inventory.hosts().isEmpty()) {
      throw new UserError(ExitCodes.USAGE, "no hosts: add 'host NAME role ROLE address ADDRESS;' statements to "
          + file + " or give --inventory FILE");
    }
    List<swfw.runtime.inventory.Host> selected;
    try {
      selected = inventory.select(hosts.limit);
    } catch (IllegalArgumentException e) {
      throw new UserError(ExitCodes.USAGE, e.getMessage());
    }
    try {
      List<String> names = selected.stream().map(swfw.runtime.inventory.Host::name).toList();
      List<HostEntry> selectedEntries = entries.stream().filter(e -> names.contains(e.name())).toList();
      return new Deployment(compiled.get(), inventory, Target.resolve(compiled.get(), selected), front, selectedEntries);
    } catch (IllegalArgumentException e) {
      throw new UserError(ExitCodes.POLICY, e.getMessage());
    }
  }
}
