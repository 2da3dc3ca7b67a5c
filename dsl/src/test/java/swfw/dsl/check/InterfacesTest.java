package swfw.dsl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InterfacesTest {
  @ParameterizedTest
  @ValueSource(strings = {"eth0", "ens11", "enp0s31f6", "wg0", "br-1a2b3c4d5e6f", "eth0.100", "veth@if12", "docker_gwbridge",
      "eth+", "a", "abcdefghijklmno"})
  void acceptsLinuxInterfaceNames(String name) {
    assertEquals(Optional.empty(), Interfaces.problem(name));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "''| it is empty",
    "abcdefghijklmnop| it is 16 bytes long, Linux allows 15",
    "enp0s31f6-external| it is 18 bytes long, Linux allows 15",
    "ethé00000000000| it is 16 bytes long, Linux allows 15",
    "eth0/1| '/' is not allowed",
    "eth 1| a space is not allowed",
    "eth0;| ';' is not allowed",
    "eth0:1| ':' is not allowed",
    "+| '+' is not allowed",
    "eth++| '+' is not allowed",
    "e+th| '+' is not allowed",
    ".| '.' and '..' are not interface names",
    "..| '.' and '..' are not interface names",
    "ethé| 'é' is not allowed",
  })
  void explainsWhatLinuxWouldRefuse(String name, String problem) {
    assertEquals(Optional.of(problem.strip()), Interfaces.problem(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eth0\"", "eth0'", "\"eth0\""})
  void rejectsQuotes(String name) {
    assertEquals(Optional.of("a quote is not allowed"), Interfaces.problem(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"eth0\n", "eth\t0", "eth0\u0000", "eth0\u007f"})
  void rejectsControlCharacters(String name) {
    assertEquals(Optional.of("a control character is not allowed"), Interfaces.problem(name));
  }

  @Test
  void showsNamesWithoutControlCharacters() {
    assertEquals("eth0", Interfaces.shown("eth0"));
    assertEquals("a?b", Interfaces.shown("a\nb"));
    assertEquals("x?", Interfaces.shown("x\u007f"));
  }
}
