package io.ope4j.io;

/**
 * The set of episode ids seen so far (open addressing on a {@code long[]}, no boxing), to refuse
 * an episode whose rows come in two places. Memory: 16 bytes per episode at most.
 */
final class EpisodeIds {

  private long[] slots = new long[1024];
  private boolean[] used = new boolean[1024];
  private int size;

  /** Adds {@code id}; returns false if it was there already. */
  boolean add(long id) {
    if (2 * (size + 1) > slots.length) {
      rehash();
    }
    int mask = slots.length - 1;
    int i = (int) io.ope4j.internal.stats.CounterRng.mix64(id) & mask;
    while (used[i]) {
      if (slots[i] == id) {
        return false;
      }
      i = (i + 1) & mask;
    }
    used[i] = true;
    slots[i] = id;
    size++;
    return true;
  }

  private void rehash() {
    long[] oldSlots = slots;
    boolean[] oldUsed = used;
    slots = new long[2 * oldSlots.length];
    used = new boolean[2 * oldSlots.length];
    size = 0;
    for (int i = 0; i < oldSlots.length; i++) {
      if (oldUsed[i]) {
        add(oldSlots[i]);
      }
    }
  }
}
