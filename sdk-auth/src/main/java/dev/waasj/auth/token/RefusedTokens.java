package dev.waasj.auth.token;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The access tokens the server refused, so a manager never hands one out again: the last few only, since an older
 * refused token has long expired. The memory is made on the first refusal, as most managers never see one.
 */
final class RefusedTokens {
  private static final int REMEMBERED = 32;

  private volatile @Nullable Set<String> tokens;

  void add(String accessToken) {
    Set<String> seen = tokens;
    if (seen == null) {
      synchronized (this) {
        seen = tokens;
        if (seen == null) {
          seen = Collections.newSetFromMap(Collections.synchronizedMap(new Bounded()));
          tokens = seen;
        }
      }
    }
    seen.add(accessToken);
  }

  boolean contains(String accessToken) {
    Set<String> seen = tokens;
    return seen != null && seen.contains(accessToken);
  }

  /** Keeps the last {@value #REMEMBERED} entries. */
  private static final class Bounded extends LinkedHashMap<String, Boolean> {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > REMEMBERED;
    }
  }
}
