package dev.waasj.paging;

import java.util.List;
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
  private final long remaining;

  Page(List<T> items, @Nullable String nextCursor, Pager<T> pager, long remaining) {
    this.items = List.copyOf(items);
    this.nextCursor = nextCursor;
    this.pager = pager;
    this.remaining = remaining;
  }

  /** The items of this page (fewer than the server sent if the pager's item cap was reached). */
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
   * Fetches the next page.
   *
   * @throws java.util.NoSuchElementException if there is none ({@link #hasNext()} is false)
   * @throws dev.waasj.errors.CoboException as the operation does
   */
  public Page<T> next() {
    return pager.fetch(requireNext(), remaining);
  }

  /**
   * Fetches the next page asynchronously; the future fails with the operation's exceptions, or with {@link
   * java.util.NoSuchElementException} if there is no next page.
   */
  public CompletableFuture<Page<T>> nextAsync() {
    if (!hasNext()) {
      return CompletableFuture.failedFuture(new java.util.NoSuchElementException("this is the last page"));
    }
    return pager.fetchAsync(Objects.requireNonNull(nextCursor), remaining);
  }

  private String requireNext() {
    if (!hasNext()) {
      throw new java.util.NoSuchElementException("this is the last page");
    }
    return Objects.requireNonNull(nextCursor);
  }

  @Override
  public String toString() {
    return "Page{items=" + items.size() + ", hasNext=" + hasNext() + '}';
  }
}
