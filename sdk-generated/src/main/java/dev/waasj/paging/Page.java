package dev.waasj.paging;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list operation's items, and the way to the next: {@link #next()} for synchronous code, {@link
 * #nextAsync()} for asynchronous code. Immutable.
 *
 * @param <T> the item type
 */
public final class Page<T> {
  private final List<T> items;
  private final @Nullable String nextCursor;
  private final Pager<T> pager;
  private final Pager.Walk walk;
  private final int depth;
  private final long remaining;

  Page(List<T> items, @Nullable String nextCursor, Pager<T> pager, Pager.Walk walk, int depth, long remaining) {
    this.items = List.copyOf(items);
    this.nextCursor = nextCursor;
    this.pager = pager;
    this.walk = walk;
    this.depth = depth;
    this.remaining = remaining;
  }

  /** The items of this page (fewer than the server sent if the pager's item cap was reached); never null ones. */
  public List<T> items() {
    return items;
  }

  /**
   * The cursor that fetches the page after this one (the response's {@code pagination.after}), or null on the last
   * page. Save it to resume a walk later: pass it as the operation's {@code after} parameter.
   */
  public @Nullable String nextCursor() {
    return nextCursor;
  }

  /** Whether there is a page after this one and the item cap has not been reached. */
  public boolean hasNext() {
    return nextCursor != null && remaining > 0;
  }

  /**
   * Fetches the next page. Calling it again fetches that page again.
   *
   * @throws NoSuchElementException if there is none ({@link #hasNext()} is false)
   * @throws dev.waasj.errors.MalformedResponseException if the next page is malformed or leads back into the walk
   *     (see {@link Pager})
   * @throws dev.waasj.errors.CoboException as the operation does
   */
  public Page<T> next() {
    return pager.fetch(walk, requireNext(), depth + 1, remaining);
  }

  /**
   * Fetches the next page asynchronously; the future fails as {@link #next()} throws, or with {@link
   * NoSuchElementException} if there is no next page.
   */
  public CompletableFuture<Page<T>> nextAsync() {
    if (!hasNext()) {
      return CompletableFuture.failedFuture(new NoSuchElementException("this is the last page"));
    }
    return pager.fetchAsync(walk, Objects.requireNonNull(nextCursor), depth + 1, remaining);
  }

  private String requireNext() {
    if (!hasNext()) {
      throw new NoSuchElementException("this is the last page");
    }
    return Objects.requireNonNull(nextCursor);
  }

  @Override
  public String toString() {
    return "Page{items=" + items.size() + ", hasNext=" + hasNext() + '}';
  }
}
