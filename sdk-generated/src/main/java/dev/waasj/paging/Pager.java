package dev.waasj.paging;

import dev.waasj.errors.MalformedResponseException;
import dev.waasj.errors.MissingFieldException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Every item of a list operation, fetched lazily one page at a time, following Cobo's cursors: each request asks
 * for the page {@code after} the previous one, and the walk stops at a page whose {@code pagination.after} is empty.
 * Nothing is fetched until the items are read.
 *
 * <pre>{@code
 * cobo.apis().wallets().listWalletsAll(ListWalletsParams.builder().limit(50).build())
 *     .stream()
 *     .forEach(wallet -> ...);                      // as many requests as there are pages
 *
 * var pager = cobo.apis().transactions().listTransactionsAll(params).maxItems(500);  // a cap on items
 * for (Page<Transaction> page : pager.pages()) { ... page.nextCursor() ... }         // a page at a time
 * pager.forEachAsync(tx -> ...).join();                                              // asynchronously
 * }</pre>
 *
 * <p>Start from a saved cursor by setting the operation's {@code after} parameter. Generated list operations hand
 * out pagers through their {@code ...All} methods; a pager is immutable and may be walked any number of times, each
 * walk sending its own requests.
 *
 * <p>A walk never ends early in silence, nor runs forever. It fails with a {@link MalformedResponseException}, in
 * every form (the iterator, the stream, {@link #pages()}, and the futures of the asynchronous forms), at a page
 * that:
 *
 * <ul>
 *   <li>has no list of items, or a {@code null} among them;
 *   <li>has no {@code pagination}, or no {@code pagination.after}: nothing would say whether another page follows
 *       (Cobo marks the last page with an empty {@code after});
 *   <li>names as the next cursor one this walk has already followed (the same cursor again, or a loop of them):
 *       following it would fetch the same pages forever. The walk fails before fetching any page twice. Fetching
 *       the page after a {@link Page} again with {@link Page#next()} is no loop.
 * </ul>
 *
 * <p>Items already handed out stay handed out; the failure comes where the walk would go on.
 *
 * @param <T> the item type
 */
public final class Pager<T> implements Iterable<T> {
  private final @Nullable String start;
  private final Function<@Nullable String, Object> fetch;
  private final Function<@Nullable String, CompletableFuture<?>> fetchAsync;
  private final Function<Object, @Nullable List<T>> items;
  private final Function<Object, @Nullable String> nextCursor;
  private final long maxItems;

  private Pager(
      @Nullable String start,
      Function<@Nullable String, Object> fetch,
      Function<@Nullable String, CompletableFuture<?>> fetchAsync,
      Function<Object, @Nullable List<T>> items,
      Function<Object, @Nullable String> nextCursor,
      long maxItems) {
    this.start = start;
    this.fetch = fetch;
    this.fetchAsync = fetchAsync;
    this.items = items;
    this.nextCursor = nextCursor;
    this.maxItems = maxItems;
  }

  /**
   * A pager over a list operation; generated code creates them.
   *
   * @param start the cursor to start after, or null for the first page
   * @param fetch fetches the page after a cursor (null: the first)
   * @param fetchAsync the same, asynchronously
   * @param items a page's items; null when the page has none (a malformed page)
   * @param nextCursor a page's {@code pagination.after}: empty on the last page, null when the page has no {@code
   *     pagination} or no {@code after} in it (a malformed page)
   * @param <R> the operation's response type
   * @param <T> the item type
   */
  @SuppressWarnings("unchecked") // R is erased into Object once; each function sees only what fetch produced
  public static <R, T> Pager<T> of(
      @Nullable String start,
      Function<@Nullable String, R> fetch,
      Function<@Nullable String, CompletableFuture<R>> fetchAsync,
      Function<R, @Nullable List<T>> items,
      Function<R, @Nullable String> nextCursor) {
    return new Pager<>(
        blankToNull(start),
        (Function<@Nullable String, Object>) fetch,
        (Function<@Nullable String, CompletableFuture<?>>) (Function<?, ?>) fetchAsync,
        (Function<Object, @Nullable List<T>>) (Function<?, ?>) items,
        (Function<Object, @Nullable String>) (Function<?, ?>) nextCursor,
        Long.MAX_VALUE);
  }

  /**
   * The same walk, stopping after {@code maxItems} items (the last page is cut short).
   *
   * @param maxItems at least 1
   */
  public Pager<T> maxItems(long maxItems) {
    if (maxItems < 1) {
      throw new IllegalArgumentException("maxItems must be at least 1");
    }
    return new Pager<>(start, fetch, fetchAsync, items, nextCursor, maxItems);
  }

  /**
   * The first page, fetched now.
   *
   * @throws MalformedResponseException if the page is malformed (see the class description)
   * @throws dev.waasj.errors.CoboException as the operation does
   */
  public Page<T> firstPage() {
    return fetch(new Walk(start), start, 0, maxItems);
  }

  /** The first page, asynchronously; the future fails as {@link #firstPage()} throws. */
  public CompletableFuture<Page<T>> firstPageAsync() {
    return fetchAsync(new Walk(start), start, 0, maxItems);
  }

  /** The pages, each fetched when the iteration reaches it. */
  public Iterable<Page<T>> pages() {
    return () ->
        new Iterator<>() {
          private @Nullable Page<T> current;
          private boolean done;

          @Override
          public boolean hasNext() {
            return !done && (current == null || current.hasNext());
          }

          @Override
          public Page<T> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            current = current == null ? firstPage() : current.next();
            done = !current.hasNext();
            return current;
          }
        };
  }

  /** The items, fetching pages as the iteration needs them. */
  @Override
  public Iterator<T> iterator() {
    Iterator<Page<T>> pages = pages().iterator();
    return new Iterator<>() {
      private Iterator<T> page = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!page.hasNext() && pages.hasNext()) {
          page = pages.next().items().iterator();
        }
        return page.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return page.next();
      }
    };
  }

  /** The items as a sequential, lazy stream. */
  public Stream<T> stream() {
    return StreamSupport.stream(spliterator(), false);
  }

  /**
   * Hands every item to {@code action}, fetching the pages asynchronously one after another. The future completes
   * when the walk does, or fails with the first failure. However many pages there are and however fast they
   * arrive, the walk does not deepen the stack: pages that are already there are handled in a loop.
   */
  public CompletableFuture<Void> forEachAsync(Consumer<? super T> action) {
    Objects.requireNonNull(action, "action");
    CompletableFuture<Void> done = new CompletableFuture<>();
    firstPageAsync().whenComplete((page, failure) -> drain(page, failure, action, done));
    return done;
  }

  /**
   * Hands the items of {@code page} and of every page after it that is already there to {@code action}, then
   * waits for the next one without holding the stack.
   */
  private static <T> void drain(
      @Nullable Page<T> page, @Nullable Throwable failure, Consumer<? super T> action, CompletableFuture<Void> done) {
    Page<T> current = page;
    Throwable error = failure;
    while (error == null && current != null) {
      try {
        current.items().forEach(action);
        if (!current.hasNext()) {
          done.complete(null);
          return;
        }
        CompletableFuture<Page<T>> next = current.nextAsync();
        if (!next.isDone()) {
          next.whenComplete((p, e) -> drain(p, e, action, done));
          return;
        }
        current = next.join();
      } catch (CompletionException e) {
        error = e.getCause() == null ? e : e.getCause();
      } catch (RuntimeException | Error e) { // the action's own failure, or a fetch that threw
        error = e;
      }
    }
    done.completeExceptionally(error != null ? unwrap(error) : new IllegalStateException("no page"));
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  Page<T> fetch(Walk walk, @Nullable String cursor, int depth, long remaining) {
    return toPage(walk, cursor, depth, fetch.apply(cursor), remaining);
  }

  CompletableFuture<Page<T>> fetchAsync(Walk walk, @Nullable String cursor, int depth, long remaining) {
    return fetchAsync.apply(cursor).thenApply(response -> toPage(walk, cursor, depth, response, remaining));
  }

  private Page<T> toPage(Walk walk, @Nullable String cursor, int depth, @Nullable Object response, long remaining) {
    String where = cursor == null ? "The first page" : "The page after cursor " + shorten(cursor);
    if (response == null) {
      throw new MalformedResponseException(where + " arrived without a body", null);
    }
    List<T> all = items.apply(response);
    if (all == null) {
      throw new MalformedResponseException(where + " has no list of items", null);
    }
    int size = (int) Math.min(all.size(), remaining);
    List<T> page = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      T item = all.get(i);
      if (item == null) {
        throw new MalformedResponseException(where + " is malformed: item " + (i + 1) + " of the page is null", null);
      }
      page.add(item);
    }
    String next;
    try {
      next = nextCursor.apply(response);
    } catch (MissingFieldException e) { // after is required, and absent
      next = null;
    }
    if (next == null) {
      throw new MalformedResponseException(
          where + " has no pagination.after, so nothing says whether another page follows", null);
    }
    if (!next.isEmpty() && remaining > size) {
      walk.follow(where, next, depth + 1);
    }
    return new Page<>(page, blankToNull(next), this, walk, depth, remaining - size);
  }

  /** A cursor for a message: a server can send any length. */
  static String shorten(String cursor) {
    return cursor.length() <= 64 ? cursor : cursor.substring(0, 64) + "... (" + cursor.length() + " characters)";
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  @Override
  public String toString() {
    return "Pager{start=" + start + (maxItems == Long.MAX_VALUE ? "" : ", maxItems=" + maxItems) + '}';
  }

  /**
   * One walk's cursors: each with the depth of the page it fetches (the first page is at 0). A page at depth
   * {@code d} that names a cursor already followed to a page at depth {@code d} or less leads back into the walk:
   * a loop. Fetching the same page again from the same page names the same cursor at the same depth + 1: no loop.
   */
  static final class Walk {
    private final ConcurrentMap<String, Integer> followed = new ConcurrentHashMap<>();

    Walk(@Nullable String start) {
      if (start != null) {
        followed.put(start, 0);
      }
    }

    void follow(String where, String cursor, int depth) {
      Integer earlier = followed.merge(cursor, depth, Math::min);
      if (earlier < depth) {
        throw new MalformedResponseException(
            where + " names as the next cursor " + shorten(cursor) + ", which this walk has already followed; following it"
                + " again would fetch the same pages forever",
            null);
      }
    }
  }
}
