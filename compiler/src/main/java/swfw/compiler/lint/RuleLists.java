package swfw.compiler.lint;

import java.util.Arrays;

/**
 * Lists of rule numbers under 64-bit keys, each list in the order filed. Keys are hashes of what is
 * filed under them: two things whose hashes collide share a list, which only adds candidates that the
 * exact comparison then turns down. The keys sit in one open-addressing table of plain longs, so that a
 * lookup touches one place in memory.
 */
final class RuleLists {
  /** Per slot two longs: the key (0: free) and the list's index. */
  private long[] table = new long[128];
  private int[][] numbers = new int[32][];
  private int[] sizes = new int[32];
  private int lists;

  void add(long key, int number) {
    long k = key == 0 ? 1 : key;
    if (lists * 4 >= table.length) {
      grow();
    }
    int slot = slot(k);
    int list;
    if (table[2 * slot] == 0) {
      if (lists == numbers.length) {
        numbers = Arrays.copyOf(numbers, lists * 2);
        sizes = Arrays.copyOf(sizes, lists * 2);
      }
      list = lists++;
      numbers[list] = new int[2];
      table[2 * slot] = k;
      table[2 * slot + 1] = list;
    } else {
      list = (int) table[2 * slot + 1];
      if (sizes[list] == numbers[list].length) {
        numbers[list] = Arrays.copyOf(numbers[list], sizes[list] * 2);
      }
    }
    numbers[list][sizes[list]++] = number;
  }

  /** The list filed under {@code key}, or -1. */
  int find(long key) {
    int slot = slot(key == 0 ? 1 : key);
    return table[2 * slot] != 0 ? (int) table[2 * slot + 1] : -1;
  }

  int size(int list) {
    return sizes[list];
  }

  /** The numbers of a list, in its first {@link #size} places. */
  int[] numbers(int list) {
    return numbers[list];
  }

  private int slot(long key) {
    int mask = table.length / 2 - 1;
    int slot = (int) (key ^ (key >>> 32)) & mask;
    while (table[2 * slot] != 0 && table[2 * slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != 0) {
        int slot = slot(old[i]);
        table[2 * slot] = old[i];
        table[2 * slot + 1] = old[i + 1];
      }
    }
  }

  /** A well-mixed hash of {@code h} and {@code value} (MurmurHash3's finaliser over their combination). */
  static long mix(long h, long value) {
    long x = h ^ (value * 0x9E3779B97F4A7C15L);
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    x *= 0xc4ceb9fe1a85ec53L;
    x ^= x >>> 33;
    return x;
  }
}
