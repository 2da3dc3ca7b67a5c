package swfw.dsl.check;

import java.util.Optional;
import swfw.diag.Span;

/** An inventory host: where it is, which role it has, how to reach it over SSH. */
public record HostEntry(Span span, String name, String role, String address, Optional<String> user,
    int port, Optional<String> key, Optional<String> jump, Optional<String> swarmNode) {}
