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
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Every item of a list operation, fetched lazily one page at a time, following Cobo's cursors: each request asks
 * for the page {@code after} the previous one, and the walk stops at a page whose {@code pagination.after} is empty
 * (or absent). Nothing is fetched until the items are read.
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
 * walk sending its own requests. A walk never ends early in silence: a page without {@code pagination}, or whose
 * {@code data} holds a {@code null}, or that answers with the cursor it was asked for (which would loop forever)
 * stops it with a {@link MalformedResponseException}.
 *
 * @param <T> the item type
 */
public final class Pager<T> implements Iterable<T> {
  private final @Nullable String start;
  private final Function<@Nullable String, Object> fetch;
  private final Function<@Nullable String, CompletableFuture<?>> fetchAsync;
  private final Function<Object, @Nullable List<T>> items;
  private final Function<Object, @Nullable Object> pagination;
  private final Function<Object, @Nullable String> after;
  private final long maxItems;

  private Pager(
      @Nullable String start,
      Function<@Nullable String, Object> fetch,
      Function<@Nullable String, CompletableFuture<?>> fetchAsync,
      Function<Object, @Nullable List<T>> items,
      Function<Object, @Nullable Object> pagination,
      Function<Object, @Nullable String> after,
      long maxItems) {
    this.start = start;
    this.fetch = fetch;
    this.fetchAsync = fetchAsync;
    this.items = items;
    this.pagination = pagination;
    this.after = after;
    this.maxItems = maxItems;
  }

  /**
   * A pager over a list operation; generated code creates them.
   *
   * @param start the cursor to start after, or null for the first page
   * @param fetch fetches the page after a cursor (null: the first)
   * @param fetchAsync the same, asynchronously
   * @param items a page's items
   * @param pagination a page's {@code pagination}
   * @param after a pagination's {@code after}
   * @param <R> the operation's response type
   * @param <P> the pagination's type
   * @param <T> the item type
   */
  @SuppressWarnings("unchecked") // R and P are erased into Object once; each function sees only what fetch produced
  public static <R, P, T> Pager<T> of(
      @Nullable String start,
      Function<@Nullable String, R> fetch,
      Function<@Nullable String, CompletableFuture<R>> fetchAsync,
      Function<R, @Nullable List<T>> items,
      Function<R, @Nullable P> pagination,
      Function<P, @Nullable String> after) {
    return new Pager<>(
        blankToNull(start),
        (Function<@Nullable String, Object>) fetch,
        (Function<@Nullable String, CompletableFuture<?>>) (Function<?, ?>) fetchAsync,
        (Function<Object, @Nullable List<T>>) (Function<?, ?>) items,
        (Function<Object, @Nullable Object>) (Function<?, ?>) pagination,
        (Function<Object, @Nullable String>) (Function<?, ?>) after,
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
    return new Pager<>(start, fetch, fetchAsync, items, pagination, after, maxItems);
  }

  /** The first page, fetched now. */
  public Page<T> firstPage() {
    return fetch(start, maxItems);
  }

  /** The first page, asynchronously. */
  public CompletableFuture<Page<T>> firstPageAsync() {
    return fetchAsync(start, maxItems);
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
   * when the walk does, or fails with the first failure.
   */
  public CompletableFuture<Void> forEachAsync(Consumer<? super T> action) {
    Objects.requireNonNull(action, "action");
    return firstPageAsync().thenCompose(page -> drain(page, action));
  }

  private CompletableFuture<Void> drain(Page<T> page, Consumer<? super T> action) {
    page.items().forEach(action);
    return page.hasNext() ? page.nextAsync().thenCompose(next -> drain(next, action)) : CompletableFuture.completedFuture(null);
  }

  Page<T> fetch(@Nullable String cursor, long remaining) {
    return toPage(cursor, fetch.apply(cursor), remaining);
  }

  CompletableFuture<Page<T>> fetchAsync(@Nullable String cursor, long remaining) {
    return fetchAsync.apply(cursor).thenApply(response -> toPage(cursor, response, remaining));
  }

  private Page<T> toPage(@Nullable String cursor, Object response, long remaining) {
    List<T> all = items.apply(response);
    List<T> page = all == null ? List.of() : all;
    for (int i = 0; i < page.size(); i++) {
      if (page.get(i) == null) {
        throw new MalformedResponseException(
            "Item " + i + " of the page after cursor " + cursor + " is null; the walk stops rather than skip it", null);
      }
    }
    if (page.size() > remaining) {
      page = new ArrayList<>(page.subList(0, (int) remaining));
    }
    Object paging;
    try {
      paging = pagination.apply(response);
    } catch (MissingFieldException e) {
      paging = null;
    }
    if (paging == null) {
      // Without pagination nothing says whether more pages follow: ending here could drop them in silence.
      throw new MalformedResponseException(
          "The page after cursor " + cursor + " has no pagination; the walk cannot tell whether it is over", null);
    }
    String next;
    try {
      next = blankToNull(after.apply(paging));
    } catch (MissingFieldException e) {
      next = null; // no after: the last page
    }
    if (next != null && next.equals(cursor)) {
      throw new MalformedResponseException(
          "The server answered the page after cursor " + cursor + " with the same cursor; the walk would not end",
          null);
    }
    return new Page<>(page, next, this, remaining - page.size());
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  @Override
  public String toString() {
    return "Pager{start=" + start + (maxItems == Long.MAX_VALUE ? "" : ", maxItems=" + maxItems) + '}';
  }
}
