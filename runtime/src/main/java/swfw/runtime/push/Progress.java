package swfw.runtime.push;

import swfw.runtime.inventory.Host;

/** Hears each host's steps while a push runs (called from the worker threads). */
@FunctionalInterface
public interface Progress {
  void event(Host host, Step step, String detail);

  static Progress none() {
    return (host, step, detail) -> { };
  }
}
