package dev.waasj.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/** Faults waiting for requests, first in first out; each entry serves a given number of requests. Thread-safe. */
final class FaultQueue {
  private static final class Entry {
    final Fault fault;
    int remaining;

    Entry(Fault fault, int remaining) {
      this.fault = fault;
      this.remaining = remaining;
    }
  }

  private final Deque<Entry> entries = new ArrayDeque<>();

  synchronized void add(Fault fault, int times) {
    entries.addLast(new Entry(fault, times));
  }

  /** The fault for the request now arriving, or null when none is queued. */
  synchronized @Nullable Fault take() {
    Entry head = entries.peekFirst();
    if (head == null) {
      return null;
    }
    if (--head.remaining == 0) {
      entries.removeFirst();
    }
    return head.fault;
  }

  synchronized int size() {
    return entries.stream().mapToInt(e -> e.remaining).sum();
  }

  synchronized void clear() {
    entries.clear();
  }
}
