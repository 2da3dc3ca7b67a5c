package swfw.compiler.ir;

public enum Verdict {
  ACCEPT,
  DROP,
  REJECT
}
