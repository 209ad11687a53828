package dev.waasj.generated;

import dev.waasj.errors.CoboException;
import dev.waasj.paging.Page;
import dev.waasj.paging.Pager;
import dev.waasj.testkit.JsonFuzz;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Hostile pages of a list operation from a fixed seed, one walk at a time: most are close enough to a page to be
 * walked on (so walks go several pages deep), with items that are null, empty, of the wrong type or fuzzed, and
 * {@code pagination} that is absent, null, of the wrong type, without {@code after}, with a huge cursor, the cursor
 * just asked for, one handed out earlier in the walk (a loop), the end, or a fresh one; some are wholly fuzzed
 * documents. Within a walk the same cursor always gets the same page, as from a real server, so a loop of cursors
 * is a real loop. A walk that asks for more than {@link #MAX_PAGES} pages is answered with the last page and
 * counted, so a walk that would never end shows up as a count rather than a hung test. Also walks a pager every
 * way and reads what it hands out, as a caller would. The same file serves the tests of {@code sdk-generated} and
 * {@code sdk-auth} (test code has no shared jar), only the package differs.
 */
public final class HostilePages {
  /** More pages than any walk of these pages should ask for before it ends or fails. */
  public static final int MAX_PAGES = 40;

  private final Random random;
  private final JsonFuzz fuzz;
  private final String itemsMember;
  private final List<String> itemNames;
  private final List<String> issued = new ArrayList<>();
  private final Map<String, byte[]> served = new HashMap<>();
  private int pages;
  private int endless;

  /**
   * @param seed the seed of every choice
   * @param itemsMember the page's array member, e.g. {@code data}
   * @param itemNames the member names an item reads (empty for items that are no objects)
   */
  public HostilePages(long seed, String itemsMember, List<String> itemNames) {
    this.random = new Random(seed);
    this.fuzz = JsonFuzz.seeded(seed);
    this.itemsMember = itemsMember;
    this.itemNames = List.copyOf(itemNames);
  }

  /** Starts a new walk: no cursors handed out, no pages served. */
  public synchronized void newWalk() {
    issued.clear();
    served.clear();
    pages = 0;
  }

  /** How many walks asked for more than {@link #MAX_PAGES} pages. */
  public synchronized int endlessWalks() {
    return endless;
  }

  /** The page after cursor {@code asked} (null: the first page). */
  public synchronized byte[] page(String asked) {
    if (++pages > MAX_PAGES) {
      if (pages == MAX_PAGES + 1) {
        endless++;
      }
      return ("{\"" + itemsMember + "\":[],\"pagination\":{\"after\":\"\"}}").getBytes(StandardCharsets.UTF_8);
    }
    return served.computeIfAbsent(String.valueOf(asked), a -> newPage(asked));
  }

  private byte[] newPage(String asked) {
    if (random.nextInt(40) == 0) {
      List<String> names = new ArrayList<>(itemNames);
      names.add(itemsMember);
      names.add("pagination");
      names.add("after");
      return fuzz.next(names);
    }
    StringJoiner page = new StringJoiner(",", "{", "}");
    String items = items();
    if (items != null) {
      page.add("\"" + itemsMember + "\":" + items);
    }
    String pagination = pagination(asked);
    if (pagination != null) {
      page.add("\"pagination\":" + pagination);
    }
    return page.toString().getBytes(StandardCharsets.UTF_8);
  }

  private String items() {
    switch (random.nextInt(40)) {
      case 0:
        return null; // absent
      case 1:
        return "null";
      case 2:
        return "{}";
      case 3:
        return "\"items\"";
      default:
        StringJoiner array = new StringJoiner(",", "[", "]");
        for (int i = random.nextInt(5); i > 0; i--) {
          array.add(item());
        }
        return array.toString();
    }
  }

  private String item() {
    switch (random.nextInt(40)) {
      case 0:
        return "null";
      case 1:
        return new String(fuzz.next(itemNames), StandardCharsets.UTF_8);
      case 2:
        return itemNames.isEmpty() ? "{}" : "\"x\"";
      default:
        if (itemNames.isEmpty()) {
          return "\"item-" + random.nextInt(100) + "\"";
        }
        StringJoiner object = new StringJoiner(",", "{", "}");
        for (String name : itemNames) {
          if (random.nextInt(3) == 0) {
            object.add("\"" + name + "\":" + value());
          }
        }
        return object.toString();
    }
  }

  /** Mostly strings (what most fields hold), sometimes another type. */
  private String value() {
    String[] values = {"1", "-1", "1.5", "true", "null", "[]", "{}"};
    return random.nextInt(8) == 0 ? values[random.nextInt(values.length)] : "\"v" + random.nextInt(10) + "\"";
  }

  private String pagination(String asked) {
    String after;
    switch (random.nextInt(40)) {
      case 0:
        return null; // absent
      case 1:
        return "null";
      case 2:
        return "[]";
      case 3:
        return "{\"before\":\"\",\"total_count\":3}"; // no after
      case 4:
        after = "null";
        break;
      case 5:
        after = "5";
        break;
      case 6:
        after = "{}";
        break;
      case 7:
        after = "\"" + "c".repeat(100_000) + "\""; // a huge cursor
        break;
      case 8:
        after = "\"" + (asked == null ? "c0" : asked) + "\""; // the same cursor again
        break;
      case 9:
      case 10:
        after = "\"" + (issued.isEmpty() ? "c0" : issued.get(random.nextInt(issued.size()))) + "\""; // a loop
        break;
      case 11:
      case 12:
      case 13:
      case 14:
      case 15:
      case 16:
      case 17:
      case 18:
        after = "\"\""; // the end
        break;
      default:
        String fresh = "c" + (issued.size() + 1) + "-" + random.nextInt(1000);
        issued.add(fresh);
        after = "\"" + fresh + "\"";
    }
    String total = random.nextInt(8) == 0 ? value() : "3";
    return "{\"before\":\"b\",\"after\":" + after + ",\"total_count\":" + total + "}";
  }

  /**
   * A hostile document for one object with the item names: mostly an object with some of them (values mostly
   * strings), sometimes wholly fuzzed.
   */
  public synchronized byte[] document() {
    return random.nextInt(4) == 0 ? fuzz.next(itemNames) : item().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * One walk in style {@code style}: 0 the stream, 1 the iterator, 2 the pages, 3 {@code forEachAsync}, 4 {@code
   * firstPageAsync}/{@code nextAsync}; every item is {@linkplain #touch touched}. A walk may end or fail with the
   * SDK's own exception; anything else goes into {@code escaped} (which must be thread-safe).
   */
  public static void walk(String name, int style, Pager<?> pager, Map<String, String> escaped) {
    String path = name + " " + List.of("stream", "iterator", "pages", "forEachAsync", "nextAsync").get(style);
    try {
      switch (style) {
        case 0:
          pager.stream().count();
          break;
        case 1:
          for (Object item : pager) {
            touch(path, item, escaped, 0);
          }
          break;
        case 2:
          for (Page<?> page : pager.pages()) {
            page.items().forEach(item -> touch(path, item, escaped, 0));
          }
          break;
        case 3:
          pager.forEachAsync(item -> touch(path, item, escaped, 0)).get(30, TimeUnit.SECONDS);
          break;
        default:
          walkAsync(pager.firstPageAsync(), path, escaped).get(30, TimeUnit.SECONDS);
      }
    } catch (CoboException e) {
      // an acceptable outcome
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof CoboException)) {
        escaped.putIfAbsent(path + ": " + e.getCause().getClass().getName(), String.valueOf(e.getCause()));
      }
    } catch (Exception | Error e) {
      escaped.putIfAbsent(path + ": " + e.getClass().getName(), String.valueOf(e));
    }
  }

  static <T> CompletableFuture<Page<T>> walkAsync(
      CompletableFuture<Page<T>> page, String path, Map<String, String> escaped) {
    return page.thenCompose(
        p -> {
          p.items().forEach(item -> touch(path, item, escaped, 0));
          return p.hasNext() ? walkAsync(p.nextAsync(), path, escaped) : CompletableFuture.completedFuture(p);
        });
  }

  /**
   * Reads a value the way a caller would: every public no-argument method of a generated object (its getters,
   * {@code validate()}, {@code toString()}), then what they return, a few levels deep. Each may give a value or
   * throw the SDK's own exception.
   */
  public static void touch(String path, Object value, Map<String, String> escaped, int depth) {
    if (value == null || depth > 3) {
      return;
    }
    if (value instanceof Iterable) {
      for (Object element : (Iterable<?>) value) {
        touch(path, element, escaped, depth + 1);
      }
      return;
    }
    if (value instanceof Map) {
      ((Map<?, ?>) value).values().forEach(v -> touch(path, v, escaped, depth + 1));
      return;
    }
    if (!value.getClass().getName().startsWith("dev.waasj.")) {
      String.valueOf(value);
      return;
    }
    for (Method method : value.getClass().getMethods()) {
      if (method.getParameterCount() != 0
          || Modifier.isStatic(method.getModifiers())
          || method.getDeclaringClass() == Object.class
          || method.getReturnType() == void.class
          || method.getName().equals("toBuilder")) {
        continue;
      }
      Object result;
      try {
        result = method.invoke(value);
      } catch (InvocationTargetException e) {
        if (!(e.getCause() instanceof CoboException)) {
          escaped.putIfAbsent(
              path + ": " + value.getClass().getSimpleName() + "." + method.getName() + "() "
                  + e.getCause().getClass().getName(),
              String.valueOf(e.getCause()));
        }
        continue;
      } catch (IllegalAccessException e) {
        continue; // a public method of a class that is not (a oneOf's private variant): not the caller's to call
      }
      if (result != value) {
        touch(path, result, escaped, depth + 1);
      }
    }
    String.valueOf(value);
  }
}
