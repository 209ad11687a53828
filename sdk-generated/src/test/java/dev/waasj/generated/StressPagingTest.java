package dev.waasj.generated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.errors.MalformedResponseException;
import dev.waasj.paging.Page;
import dev.waasj.paging.Pager;
import dev.waasj.stress.api.DefaultApi.ListDestinationsParams;
import dev.waasj.stress.api.DefaultApi.ListTransferNotesParams;
import dev.waasj.stress.api.DefaultApi.ListTransfersParams;
import dev.waasj.stress.api.DefaultApi;
import dev.waasj.stress.model.ListDestinations200Response;
import dev.waasj.stress.model.TransferRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The generated page walkers over MockWebServer: one request per page, cursors followed, the end respected. */
class StressPagingTest {
  @StartStop final MockWebServer server = new MockWebServer();

  DefaultApi api() {
    return TestRetrofit.against(server).create(DefaultApi.class);
  }

  static MockResponse page(String after, String... requestIds) {
    String data =
        java.util.Arrays.stream(requestIds)
            .map(id -> "{\"request_id\":\"" + id + "\",\"amount\":\"1\"}")
            .collect(Collectors.joining(","));
    return new MockResponse.Builder()
        .body("{\"data\":[" + data + "],\"pagination\":{\"before\":\"b\",\"after\":\"" + after + "\",\"total_count\":5}}")
        .build();
  }

  List<String> targets(int n) throws InterruptedException {
    List<String> targets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
      targets.add(r == null ? null : r.getTarget());
    }
    return targets;
  }

  @Test
  void aWalkOverThreePagesSendsExactlyThreeRequestsAndStopsAtTheEmptyCursor() throws Exception {
    server.enqueue(page("c1", "r1", "r2"));
    server.enqueue(page("c2", "r3", "r4"));
    server.enqueue(page("", "r5"));

    Pager<TransferRequest> pager = api().listTransfersAll(ListTransfersParams.builder().limit(2).before("x").build());
    assertThat(server.getRequestCount()).isZero(); // lazy: nothing is fetched until the walk

    List<String> ids = pager.stream().map(TransferRequest::requestId).collect(Collectors.toList());

    assertThat(ids).containsExactly("r1", "r2", "r3", "r4", "r5");
    assertThat(targets(3))
        .containsExactly("/v2/transfers?limit=2", "/v2/transfers?limit=2&after=c1", "/v2/transfers?limit=2&after=c2");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aWalkStartsFromASavedCursorAndStopsAtTheItemCap() throws Exception {
    server.enqueue(page("c6", "r5", "r6"));
    server.enqueue(page("c8", "r7", "r8"));
    server.enqueue(page("", "r9"));

    List<String> ids = new ArrayList<>();
    api().listTransfersAll(ListTransfersParams.builder().after("c4").build()).maxItems(3)
        .forEach(t -> ids.add(t.requestId()));

    assertThat(ids).containsExactly("r5", "r6", "r7");
    assertThat(targets(2)).containsExactly("/v2/transfers?after=c4", "/v2/transfers?after=c6");
    assertThat(server.getRequestCount()).isEqualTo(2); // the cap was reached: no third request
  }

  @Test
  void asyncCodeWalksAPageAtATime() throws Exception {
    server.enqueue(page("c1", "r1"));
    server.enqueue(page("", "r2"));

    Page<TransferRequest> first = api().listTransfersAll().firstPageAsync().get(5, TimeUnit.SECONDS);
    Page<TransferRequest> second = first.nextAsync().get(5, TimeUnit.SECONDS);

    assertThat(first.items()).extracting(TransferRequest::requestId).containsExactly("r1");
    assertThat(first.nextCursor()).isEqualTo("c1");
    assertThat(second.items()).extracting(TransferRequest::requestId).containsExactly("r2");
    assertThat(second.hasNext()).isFalse();
    assertThat(second.nextAsync()).isCompletedExceptionally();

    server.enqueue(page("c1", "r1"));
    server.enqueue(page("", "r2"));
    List<String> all = new java.util.concurrent.CopyOnWriteArrayList<>();
    api().listTransfersAll().forEachAsync(t -> all.add(t.requestId())).get(5, TimeUnit.SECONDS);
    assertThat(all).containsExactly("r1", "r2");
  }

  @Test
  void pagesCanBeWalkedOneByOne() {
    server.enqueue(page("c1", "r1", "r2"));
    server.enqueue(page("", "r3"));

    List<Integer> sizes = new ArrayList<>();
    for (Page<TransferRequest> page : api().listTransfersAll().pages()) {
      sizes.add(page.items().size());
    }

    assertThat(sizes).containsExactly(2, 1);
  }

  @Test
  void aServerThatRepeatsTheCursorIsMalformedNotAnEndlessWalk() {
    server.enqueue(page("c1", "r1"));
    server.enqueue(page("c1", "r2"));

    assertThatThrownBy(() -> api().listTransfersAll().stream().count())
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("already followed");
  }

  @Test
  void itemsInAnArrayNotCalledDataAreWalkedToo() {
    server.enqueue(new MockResponse.Builder().body("{\"notes\":[\"a\",\"b\"],\"pagination\":{\"after\":\"n\"}}").build());
    server.enqueue(new MockResponse.Builder().body("{\"notes\":[\"c\"],\"pagination\":{\"after\":\"\"}}").build());

    List<String> notes = new ArrayList<>();
    api().listTransferNotesAll(ListTransferNotesParams.builder().walletId("w").build()).forEach(notes::add);

    assertThat(notes).containsExactly("a", "b", "c");
  }

  @Test
  void pagesWithSeveralListsAreWalkedAWholePageAtATime() {
    server.enqueue(
        new MockResponse.Builder()
            .body("{\"addresses\":[\"a\"],\"accounts\":[\"x\",\"y\"],\"pagination\":{\"after\":\"n\"}}")
            .build());
    server.enqueue(
        new MockResponse.Builder().body("{\"addresses\":[],\"accounts\":[\"z\"],\"pagination\":{\"after\":\"\"}}")
            .build());

    List<ListDestinations200Response> pages =
        api().listDestinationsAll(ListDestinationsParams.builder().build()).stream().collect(Collectors.toList());

    assertThat(pages).hasSize(2);
    assertThat(pages.get(0).accounts()).containsExactly("x", "y");
    assertThat(pages.get(1).accounts()).containsExactly("z");
  }

  /** Answers each page by the {@code after} it asks for ("" for the first), so every kind of walk sees the same. */
  void serve(Map<String, String> bodiesByCursor) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String after = request.getUrl().queryParameter("after");
            String body = bodiesByCursor.get(after == null ? "" : after);
            return body == null
                ? new MockResponse.Builder().code(404).body("{\"error_code\":2000}").build()
                : new MockResponse.Builder().body(body).build();
          }
        });
  }

  /** Every way to walk: items (Iterable, Stream), pages, and the asynchronous forms; all must fail so. */
  void everyWalkFailsWithMalformedResponse(String messagePart) {
    List<ThrowingCallable> sync =
        List.of(
            () -> api().listTransfersAll().stream().count(),
            () -> api().listTransfersAll().forEach(t -> {}),
            () -> api().listTransfersAll().pages().forEach(p -> {}));
    for (ThrowingCallable walk : sync) {
      assertThatThrownBy(walk).isInstanceOf(MalformedResponseException.class).hasMessageContaining(messagePart);
    }
    List<java.util.function.Supplier<CompletableFuture<?>>> async =
        List.of(
            () -> api().listTransfersAll().forEachAsync(t -> {}),
            () -> walkAsync(api().listTransfersAll().firstPageAsync()));
    for (java.util.function.Supplier<CompletableFuture<?>> walk : async) {
      assertThat(walk.get())
          .failsWithin(5, TimeUnit.SECONDS)
          .withThrowableOfType(ExecutionException.class)
          .havingCause()
          .isInstanceOf(MalformedResponseException.class)
          .withMessageContaining(messagePart);
    }
  }

  static CompletableFuture<Page<TransferRequest>> walkAsync(CompletableFuture<Page<TransferRequest>> page) {
    return page.thenCompose(p -> p.hasNext() ? walkAsync(p.nextAsync()) : CompletableFuture.completedFuture(p));
  }

  static String body(String data, String pagination) {
    return "{\"data\":" + data + (pagination == null ? "" : ",\"pagination\":" + pagination) + "}";
  }

  static final String ITEM = "{\"request_id\":\"r1\",\"amount\":\"1\"}";

  @Test
  void aNullInThePagesItemsIsAMalformedResponseNotANullPointerException() {
    serve(Map.of("", body("[" + ITEM + "]", "{\"after\":\"c1\"}"), "c1", body("[" + ITEM + ",null]", "{\"after\":\"\"}")));

    everyWalkFailsWithMalformedResponse("item 2 of the page is null");
  }

  @Test
  void aPageWithoutPaginationIsAMalformedResponseNotTheEndOfTheWalk() {
    serve(Map.of("", body("[" + ITEM + "]", "{\"after\":\"c1\"}"), "c1", body("[" + ITEM + "]", null)));

    everyWalkFailsWithMalformedResponse("no pagination.after");
  }

  @Test
  void paginationWithoutAfterIsAMalformedResponseNotTheEndOfTheWalk() {
    serve(Map.of("", body("[" + ITEM + "]", "{\"before\":\"\",\"total_count\":5}")));

    everyWalkFailsWithMalformedResponse("no pagination.after");
  }

  @Test
  void aPageWithoutItsListIsAMalformedResponse() {
    serve(Map.of("", "{\"pagination\":{\"after\":\"\"}}"));

    everyWalkFailsWithMalformedResponse("no list of items");
  }

  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // without detection the walks never end
  void aLoopOfCursorsIsAMalformedResponseBeforeAnyPageIsFetchedTwice() {
    // c1 -> c2 -> c1: the page after c2 names a cursor this walk has already followed
    serve(
        Map.of(
            "", body("[" + ITEM + "]", "{\"after\":\"c1\"}"),
            "c1", body("[" + ITEM + "]", "{\"after\":\"c2\"}"),
            "c2", body("[" + ITEM + "]", "{\"after\":\"c1\"}")));

    everyWalkFailsWithMalformedResponse("already followed");
    assertThat(server.getRequestCount()).isEqualTo(5 * 3); // five walks, three pages each, none fetched twice
  }

  @Test
  void aPageFetchedAgainFromTheSamePageIsNoLoop() {
    serve(
        Map.of(
            "", body("[" + ITEM + "]", "{\"after\":\"c1\"}"),
            "c1", body("[" + ITEM + "]", "{\"after\":\"c2\"}"),
            "c2", body("[" + ITEM + "]", "{\"after\":\"\"}")));

    Page<TransferRequest> first = api().listTransfersAll().firstPage();
    Page<TransferRequest> second = first.next();
    assertThat(second.next().hasNext()).isFalse();
    assertThat(first.next().next().hasNext()).isFalse(); // the same pages again, from a page kept aside
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aLongAsynchronousWalkWhosePagesArriveAtOnceDoesNotGrowTheStack() {
    int pages = 50_000;
    Function<String, String> fetch = after -> after == null ? "0" : Integer.toString(Integer.parseInt(after) + 1);
    Pager<String> pager =
        Pager.of(
            null,
            fetch,
            after -> CompletableFuture.completedFuture(fetch.apply(after)),
            page -> List.of(page),
            page -> Integer.parseInt(page) + 1 < pages ? page : "");
    java.util.concurrent.atomic.AtomicLong seen = new java.util.concurrent.atomic.AtomicLong();

    assertThat(pager.forEachAsync(item -> seen.incrementAndGet())).succeedsWithin(30, TimeUnit.SECONDS);
    assertThat(seen.get()).isEqualTo(pages);
  }
}
