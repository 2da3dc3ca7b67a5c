package swfw.dsl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import swfw.diag.Diagnostics;
import swfw.diag.Span;
import swfw.dsl.ast.Item;
import swfw.dsl.value.Addresses;
import swfw.dsl.value.Cidr;

class ValuesTest {
  private static final Span AT = new Span(Path.of("p.swfw"), 1, 1, 1);

  @Test
  void holdsAnAddressListInOrderEachOnce() {
    List<Cidr> cidrs = addresses(List.of("10.0.0.2", "2001:db8::1", "10.0.0.1", "10.0.0.2", "10.0.0.0/8", "::/0"));
    assertEquals("[10.0.0.0/8, 10.0.0.1/32, 10.0.0.2/32, ::/0, 2001:db8::1/128]", cidrs.toString());
  }

  @Property(tries = 300)
  void holdsWhatATreeSetOfTheAddressesHolds(@ForAll @Size(max = 30) List<@IntRange(max = 20) Integer> picks) {
    List<String> texts = new ArrayList<>();
    for (int p : picks) {
      texts.add(p % 2 == 0 ? "10.0." + p + ".0/" + (16 + p % 16) : "2001:db8::" + p + "/" + (100 + p));
    }
    TreeSet<Cidr> expected = new TreeSet<>();
    texts.forEach(t -> expected.add(Addresses.parse(t).orElseThrow().network()));
    assertEquals(List.copyOf(expected), addresses(texts));
  }

  private static List<Cidr> addresses(List<String> texts) {
    List<Item> items = new ArrayList<>();
    texts.forEach(t -> items.add(new Item.Addr(AT, t, t.contains(":"))));
    return new Values(new Diagnostics(), Map.of()).addresses(items);
  }
}
