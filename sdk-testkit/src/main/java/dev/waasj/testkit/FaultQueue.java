package dev.waasj.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/** Faults waiting for requests, first in first out; each entry serves a given number of requests. Thread-safe. */
final class FaultQueue {
  private static final class Entry {
    final Fault fault;
    final @Nullable String method;
    final @Nullable String path;
    int remaining;

    Entry(Fault fault, @Nullable String method, @Nullable String path, int remaining) {
      this.fault = fault;
      this.method = method;
      this.path = path;
      this.remaining = remaining;
    }

    /** Untargeted entries match any request; targeted ones the method and the path after {@code /v2/}. */
    boolean matches(String requestMethod, String requestPath) {
      return method == null
          || (method.equalsIgnoreCase(requestMethod) && requestPath.endsWith("/" + path));
    }
  }

  private final Deque<Entry> entries = new ArrayDeque<>();

  synchronized void add(Fault fault, int times) {
    entries.addLast(new Entry(fault, null, null, times));
  }

  /** Queues {@code fault} for the next {@code times} requests to {@code method} {@code path} only. */
  synchronized void add(Fault fault, String method, String path, int times) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    entries.addLast(new Entry(fault, method, relative, times));
  }

  /** The fault for the request now arriving: the first queued one that targets it or any request; else null. */
  synchronized @Nullable Fault take(String method, String path) {
    for (java.util.Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
      Entry e = it.next();
      if (e.matches(method, path)) {
        if (--e.remaining == 0) {
          it.remove();
        }
        return e.fault;
      }
    }
    return null;
  }

  synchronized int size() {
    return entries.stream().mapToInt(e -> e.remaining).sum();
  }

  synchronized void clear() {
    entries.clear();
  }
}
