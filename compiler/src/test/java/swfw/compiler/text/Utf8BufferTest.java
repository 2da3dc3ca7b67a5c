package swfw.compiler.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class Utf8BufferTest {
  @Test
  void holdsTheUtf8BytesOfWhatWasAppended() {
    String text = "-A SWFW-IN-eth0 --comment \"caf\u00e9 \ud83d\udd25 \u20ac\" \ud800?";
    Utf8Buffer b = new Utf8Buffer(1);
    b.append("-A SWFW-IN-eth0 --comment \"caf").append("\u00e9 \ud83d\udd25 \u20ac").append('"').append(' ')
        .append("\ud800?");
    assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), bytes(b));
    assertTrue(b.sameAs(text.getBytes(StandardCharsets.UTF_8)));
    assertEquals(text.replace("\ud800", "?"), b.toString());
  }

  @Test
  void appendsNumbersInDecimal() {
    Utf8Buffer b = new Utf8Buffer(4);
    b.append(0).append(' ').append(7).append(' ').append(65535).append(' ').append(65536).append(' ').append(-42)
        .append(' ').append(Integer.MIN_VALUE).append(' ').append(Integer.MAX_VALUE);
    assertEquals("0 7 65535 65536 -42 " + Integer.MIN_VALUE + " " + Integer.MAX_VALUE, b.toString());
  }

  @Property(tries = 3000)
  void appendsEveryNumberAsIntegerToStringDoes(@ForAll int n) {
    assertEquals(Integer.toString(n), new Utf8Buffer(1).append(n).toString());
  }

  @Test
  void comparesWithBytes() {
    Utf8Buffer b = new Utf8Buffer(16).append("abc");
    assertTrue(b.sameAs("abc".getBytes(StandardCharsets.US_ASCII)));
    assertFalse(b.sameAs("abcd".getBytes(StandardCharsets.US_ASCII)));
    assertFalse(b.sameAs("abd".getBytes(StandardCharsets.US_ASCII)));
  }

  private static byte[] bytes(Utf8Buffer b) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      b.writeTo(out);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }
}
