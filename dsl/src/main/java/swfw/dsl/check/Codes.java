package swfw.dsl.check;

/** Stable diagnostic codes of the checker; each is documented in docs/diagnostics.md. */
public final class Codes {
  public static final String EMPTY_POLICY = "SW0007";
  public static final String UNDEFINED_NAME = "SW1001";
  public static final String DUPLICATE_DEFINITION = "SW1002";
  public static final String WRONG_KIND = "SW1003";
  public static final String LET_CYCLE = "SW1004";
  public static final String DUPLICATE_HOST = "SW1007";
  public static final String UNKNOWN_ROLE = "SW1008";
  public static final String PORT_RANGE = "SW2001";
  public static final String REVERSED_RANGE = "SW2002";
  public static final String BAD_ADDRESS = "SW2003";
  public static final String HOST_BITS = "SW2004";
  public static final String BAD_INTERFACE = "SW2005";
  public static final String UNKNOWN_PROTOCOL = "SW2006";
  public static final String UNKNOWN_ICMP_TYPE = "SW2007";
  public static final String FAMILY_MISMATCH = "SW2008";
  public static final String COMMENT_TOO_LONG = "SW2009";
  public static final String COMMENT_CONTROL = "SW2010";
  public static final String BAD_RATE = "SW2011";
  public static final String BAD_BURST = "SW2012";
  public static final String MIXED_SET = "SW2013";
  public static final String PORTS_NEED_PROTOCOL = "SW2014";
  public static final String DUPLICATE_CLAUSE = "SW2015";
  public static final String LIMIT_ON_DENY = "SW2016";
  public static final String BAD_HOST = "SW2017";
  public static final String REQUIRED_ICMPV6 = "SW2018";
  public static final String PUBLISH_NEEDS_PORTS = "SW2019";
  public static final String OUTBOUND_CLAUSE = "SW2020";
  public static final String GUARDED_AND_TRUSTED = "SW2021";

  /** Bytes of a user's rule comment: iptables keeps 255, and the source location needs the rest. */
  public static final int MAX_COMMENT_BYTES = 200;

  private Codes() {}
}
