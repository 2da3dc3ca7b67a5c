package swfw.compiler.iptables;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Function;
import swfw.compiler.ir.RuleIr;
import swfw.dsl.ast.Protocol;

/**
 * A chain's rules, of which those that stand for one policy rule alone are made only when asked for.
 * A 100,000-rule policy lowers to as many iptables rules per family; held as objects from lowering
 * until the files are written, they were most of what the collector copied during a big compile.
 * Most policy rules lower to exactly one iptables rule made from nothing but the policy rule: those
 * are kept as the intermediate rule and made again at each {@link #get} (an equal rule each time).
 * Every other rule is kept as made. Immutable; safe to read from several threads.
 */
final class LazyRules extends AbstractList<IptRule> implements RandomAccess {
  /** An {@link IptRule}, or a {@link RuleIr} that {@link #make} turns into one. */
  private final Object[] items;
  private final int from;
  private final int to;
  private final Function<RuleIr, IptRule> make;

  private LazyRules(Object[] items, int from, int to, Function<RuleIr, IptRule> make) {
    this.items = items;
    this.from = from;
    this.to = to;
    this.make = make;
  }

  /** Rules already made. */
  static LazyRules of(List<IptRule> rules) {
    return new LazyRules(rules.toArray(), 0, rules.size(), r -> {
      throw new IllegalStateException("nothing to make");
    });
  }

  @Override
  public IptRule get(int index) {
    Object item = items[from + Objects.checkIndex(index, size())];
    return item instanceof IptRule rule ? rule : make.apply((RuleIr) item);
  }

  /** The protocol of a rule, without making it. */
  Protocol protocol(int index) {
    Object item = items[from + Objects.checkIndex(index, size())];
    return item instanceof IptRule rule ? rule.protocol() : ((RuleIr) item).protocol();
  }

  /** A builder whose rules are made as these are: for lists that take some of these rules. */
  Builder builder(int capacity) {
    return new Builder(capacity, make);
  }

  @Override
  public int size() {
    return to - from;
  }

  @Override
  public LazyRules subList(int fromIndex, int toIndex) {
    Objects.checkFromToIndex(fromIndex, toIndex, size());
    return new LazyRules(items, from + fromIndex, from + toIndex, make);
  }

  /** Collects a chain's rules in order. */
  static final class Builder {
    private final Function<RuleIr, IptRule> make;
    private Object[] items;
    private int size;

    /** @param make the one iptables rule of a policy rule added with {@link #addMadeLater} */
    Builder(int capacity, Function<RuleIr, IptRule> make) {
      this.make = make;
      this.items = new Object[Math.max(8, capacity)];
    }

    Builder add(IptRule rule) {
      return item(rule);
    }

    /** A policy rule that lowers to exactly one iptables rule, made from it alone when asked for. */
    Builder addMadeLater(RuleIr rule) {
      return item(rule);
    }

    /** The rules of a list from {@link LazyRules#builder}'s list or this builder's, still not made. */
    Builder addAll(LazyRules rules) {
      for (int i = rules.from; i < rules.to; i++) {
        item(rules.items[i]);
      }
      return this;
    }

    private Builder item(Object item) {
      if (size == items.length) {
        items = Arrays.copyOf(items, 2 * size);
      }
      items[size++] = item;
      return this;
    }

    LazyRules build() {
      return new LazyRules(Arrays.copyOf(items, size), 0, size, make);
    }
  }
}
