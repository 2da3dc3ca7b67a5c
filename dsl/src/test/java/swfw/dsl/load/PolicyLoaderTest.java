package swfw.dsl.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PolicyLoaderTest {
  @Property(tries = 5000)
  void decodesBytesAsAReplacingUtf8DecoderDoes(@ForAll("bytes") byte[] bytes) throws CharacterCodingException {
    String expected = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)
        .decode(ByteBuffer.wrap(bytes)).toString();
    assertEquals(expected, PolicyLoader.decode(bytes));
  }

  /** Mostly the bytes that start, continue or break UTF-8 sequences (surrogates and overlong forms included). */
  @Provide
  Arbitrary<byte[]> bytes() {
    Arbitrary<Byte> interesting = Arbitraries.of((byte) 'a', (byte) '\n', (byte) 0x80, (byte) 0xbf, (byte) 0xc0,
        (byte) 0xc1, (byte) 0xc2, (byte) 0xdf, (byte) 0xe0, (byte) 0xed, (byte) 0xef, (byte) 0xf0, (byte) 0xf4,
        (byte) 0xf5, (byte) 0xff, (byte) 0x9f, (byte) 0xa0, (byte) 0x8f, (byte) 0x90);
    Arbitrary<Byte> any = Arbitraries.bytes();
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, interesting), net.jqwik.api.Tuple.of(1, any))
        .array(byte[].class).ofMaxSize(24);
  }
}
