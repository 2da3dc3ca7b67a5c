package swfw.compiler.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import swfw.compiler.CompiledPolicy;
import swfw.compiler.Compiler;
import swfw.compiler.ir.IrPrinter;
import swfw.diag.Diagnostic;
import swfw.diag.Diagnostics;
import swfw.diag.SourceFile;
import swfw.diag.Span;
import swfw.dsl.ast.Protocol;
import swfw.dsl.check.CheckedPolicy;
import swfw.dsl.check.Match;
import swfw.dsl.check.Resolved;
import swfw.dsl.load.LoadedPolicy;
import swfw.dsl.value.Addresses;

/**
 * SW4011. The checker rejects such rules (SW2008), so no policy text reaches this lint: the checked policy
 * is built by hand, as a checker that let one through would hand it to the compiler.
 */
class RuleInNoFamilyTest {
  private static final Path FILE = Path.of("hand.swfw");

  @Test
  void aRuleTheIrBuilderLeavesOutOfBothFamiliesIsReported() {
    String text = "public eth0;\nallow icmp from 2001:db8::/32;\nallow tcp 22;\n";
    Span publicSpan = new Span(FILE, 1, 1, 12);
    Span icmpSpan = new Span(FILE, 2, 1, 30);
    Span sshSpan = new Span(FILE, 3, 1, 13);
    Match icmpFromV6 = new Match(Protocol.ICMP, List.of(), List.of(), List.of(),
        Optional.of(List.of(Addresses.parse("2001:db8::/32").orElseThrow())), Optional.empty(), Optional.empty());
    Match ssh = new Match(Protocol.TCP, List.of(swfw.dsl.value.PortRange.of(22)), List.of(), List.of(),
        Optional.empty(), Optional.empty(), Optional.empty());
    List<Resolved> statements = List.of(
        new Resolved.Interfaces(publicSpan, Optional.empty(), true, List.of("eth0")),
        new Resolved.Filter(icmpSpan, Optional.empty(), Resolved.Verb.ALLOW, false, icmpFromV6, Optional.empty()),
        new Resolved.Filter(sshSpan, Optional.empty(), Resolved.Verb.ALLOW, false, ssh, Optional.empty()));
    List<SourceFile> sources = List.of(new SourceFile(FILE, text));
    CheckedPolicy checked = new CheckedPolicy(FILE, sources, statements, List.of("default"), List.of());
    CompiledPolicy compiled = Compiler.compile(checked, new Diagnostics()).orElseThrow();
    assertEquals("""
        node default
          guarded eth0
          trusted -
          3: ipv4 inbound accept tcp ports [22] on eth0
          3: ipv6 inbound accept tcp ports [22] on eth0
        """, IrPrinter.print(compiled.ir()));

    List<Diagnostic> out = new ArrayList<>();
    new RuleInNoFamily().check(new LintContext(new LoadedPolicy(FILE, sources, List.of(), List.of()), checked, compiled), out);
    assertEquals(List.of("2 SW4011 this rule matches in neither IPv4 nor IPv6: its 'icmp' protocol and its addresses "
        + "have no family in common"), out.stream().map(d -> d.span().line() + " " + d.code() + " " + d.message()).toList());
  }
}
