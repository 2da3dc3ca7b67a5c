package swfw.cli;

/** How {@code swfw check} writes its findings. */
enum CheckFormat {
  /** Rendered with carets and hints, to standard error. */
  TEXT,
  /** One JSON document, to standard output. */
  JSON,
  /** SARIF 2.1.0, to standard output, for GitHub code scanning and other SARIF viewers. */
  SARIF
}
