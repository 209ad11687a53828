/**
 * Walking Cobo's paged lists: {@link dev.waasj.paging.Pager} fetches pages lazily by cursor and hands out their
 * items as an {@code Iterable}, a {@code Stream} or a page at a time, synchronously or asynchronously. Every
 * generated list operation has an {@code ...All} method that returns one.
 */
@NullMarked
package dev.waasj.paging;

import org.jspecify.annotations.NullMarked;
