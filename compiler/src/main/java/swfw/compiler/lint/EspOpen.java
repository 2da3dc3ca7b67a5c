package swfw.compiler.lint;

import java.util.EnumSet;
import java.util.List;
import swfw.diag.Diagnostic;
import swfw.diag.Severity;

/**
 * SW4007: IPsec ESP (IP protocol 50, used by swarm's encrypted overlays) reachable on a public
 * interface from an address outside the inventory; only a rule without a protocol lets it in.
 */
final class EspOpen implements Lint {
  static final String CODE = "SW4007";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "IPsec ESP (swarm's encrypted overlays) is reachable on a public interface from anywhere";
  }

  @Override
  public void check(LintContext policy, List<Diagnostic> out) {
    SwarmExposure exposure = policy.shared(SwarmExposure.class, SwarmExposure::of);
    exposure.byStatement(EnumSet.of(SwarmExposure.Port.ESP), false).forEach((span, list) -> out.add(
        Diagnostic.warning(CODE, span, "IPsec ESP (IP protocol 50) is reachable on " + SwarmMessages.where(list.get(0)),
            "note: a rule without a protocol lets every IP protocol in, ESP included",
            "encrypted overlays need ESP only between the nodes: narrow this rule with 'from' to the nodes' "
                + "addresses, or name its protocol ('allow tcp …')")));
  }
}
