package swfw.dsl.parse;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * A character stream over a String without characters outside the Basic Multilingual Plane, where
 * code points and chars are the same: tokens read their text from it without a copy of a big policy
 * ({@code CharStreams.fromString} copies the text into a buffer of its own first).
 */
final class TextCharStream implements CharStream {
  private final String text;
  private int position;

  TextCharStream(String text) {
    this.text = text;
  }

  @Override
  public String getText(Interval interval) {
    int start = Math.min(interval.a, text.length());
    int length = Math.min(interval.b - interval.a + 1, text.length() - start);
    return length <= 0 ? "" : text.substring(start, start + length);
  }

  @Override
  public void consume() {
    if (position >= text.length()) {
      throw new IllegalStateException("cannot consume EOF");
    }
    position++;
  }

  @Override
  public int LA(int i) {
    if (i == 0) {
      return 0; // undefined, as in ANTLR's own streams
    }
    int at = i < 0 ? position + i : position + i - 1;
    return at < 0 || at >= text.length() ? IntStream.EOF : text.charAt(at);
  }

  @Override
  public int mark() {
    return -1;
  }

  @Override
  public void release(int marker) {}

  @Override
  public int index() {
    return position;
  }

  @Override
  public void seek(int index) {
    position = index;
  }

  @Override
  public int size() {
    return text.length();
  }

  @Override
  public String getSourceName() {
    return IntStream.UNKNOWN_SOURCE_NAME;
  }

  @Override
  public String toString() {
    return text;
  }
}
