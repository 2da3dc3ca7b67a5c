package swfw.dsl.ast;

import java.util.List;
import swfw.diag.Span;

/** What a rule matches by protocol. */
public sealed interface Target permits Target.Proto, Target.Service, Target.Any, Target.UnknownProto {
  Span span();

  /** {@code tcp 22}, {@code udp {53, 5353}}, {@code icmp echo-request}, {@code tcp}. */
  record Proto(Span span, Protocol protocol, List<Item> ports, boolean braced) implements Target {
    public Proto {
      ports = List.copyOf(ports);
    }
  }

  /** A named service from a {@code let}: {@code allow web}. */
  record Service(Span span, Ident name) implements Target {}

  /** {@code sctp 22}: a word where a protocol belongs, reported by the checker. */
  record UnknownProto(Span span, Ident name, List<Item> ports) implements Target {
    public UnknownProto {
      ports = List.copyOf(ports);
    }
  }

  /** Nothing written: every protocol. */
  record Any(Span span) implements Target {}
}
