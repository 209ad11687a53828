package dev.waasj.generated;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waasj.generated.fixtures.HostilePages;
import dev.waasj.paging.Pager;
import dev.waasj.stress.api.DefaultApi;
import dev.waasj.stress.api.DefaultApi.ListDestinationsParams;
import dev.waasj.stress.api.DefaultApi.ListTransferNotesParams;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stress spec's page walkers fed hostile pages from a fixed seed ({@link HostilePages}), walked every way:
 * items as an iterator and a stream, pages one by one, {@code forEachAsync}, and {@code firstPageAsync}/{@code
 * nextAsync}; every item's getters are called. The only acceptable outcomes are a walk that ends or one of the SDK's
 * own exceptions; anything else is counted, and so is a walk that would not end and anything thrown on an OkHttp
 * thread. All three counts must be zero.
 */
class PagerFuzzTest {
  static final long SEED = 20261129L;
  static final int WALKS = 400;

  @StartStop final MockWebServer server = new MockWebServer();
  final Map<String, String> escaped = Collections.synchronizedMap(new TreeMap<>()); // OkHttp threads add too
  final Map<String, Integer> endless = new TreeMap<>();
  final List<Throwable> onOkHttpThreads = new CopyOnWriteArrayList<>();
  Thread.UncaughtExceptionHandler previous;

  @BeforeEach
  void watchOkHttpThreads() {
    previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> onOkHttpThreads.add(e));
  }

  @AfterEach
  void restore() {
    Thread.setDefaultUncaughtExceptionHandler(previous);
  }

  void serve(HostilePages pages) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            byte[] body = pages.page(request.getUrl().queryParameter("after"));
            // A fresh connection per answer: MockWebServer's keep-alive writes meet delayed ACKs (40 ms a request).
            return new MockResponse.Builder().body(new Buffer().write(body)).addHeader("Connection", "close").build();
          }
        });
  }

  @Test
  void hostilePagesEndTheWalkOrFailItWithTheSdksOwnException() {
    DefaultApi api = TestRetrofit.against(server).create(DefaultApi.class);
    fuzz("transfers", new HostilePages(SEED, "data", List.of("request_id", "amount", "status", "note")),
        api::listTransfersAll);
    fuzz("notes", new HostilePages(SEED + 1, "notes", List.of()),
        () -> api.listTransferNotesAll(ListTransferNotesParams.builder().walletId("w").build()));
    fuzz("destinations", new HostilePages(SEED + 2, "addresses", List.of()),
        () -> api.listDestinationsAll(ListDestinationsParams.builder().build()));

    System.out.printf(
        "Fuzzed %d page requests in %d walks (seed %d): %d escaped, %s walks that did not end, %d thrown on OkHttp"
            + " threads%n",
        server.getRequestCount(), 3 * WALKS, SEED, escaped.size(), endless, onOkHttpThreads.size());
    assertThat(endless).as("walks that did not end").allSatisfy((name, count) -> assertThat(count).isZero());
    assertThat(escaped).as("outcomes that are neither the end of a walk nor the SDK's exception").isEmpty();
    assertThat(onOkHttpThreads).as("exceptions thrown on OkHttp's threads").isEmpty();
    assertThat(server.getRequestCount()).isGreaterThan(3 * WALKS);
  }

  void fuzz(String name, HostilePages pages, Supplier<Pager<?>> pager) {
    serve(pages);
    for (int i = 0; i < WALKS; i++) {
      pages.newWalk();
      HostilePages.walk(name, i % 5, pager.get(), escaped);
    }
    endless.put(name, pages.endlessWalks());
  }
}
