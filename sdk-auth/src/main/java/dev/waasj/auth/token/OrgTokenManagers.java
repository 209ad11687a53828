package dev.waasj.auth.token;

import dev.waasj.errors.TokenStoreException;
import dev.waasj.internal.auth.Checks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The token managers of one app, one per organization, created on first use and sharing the app's endpoint, store
 * and settings: what a Portal app installed by many organizations needs. Single flight, rotation and leases stay
 * per organization, so a burst over a thousand organizations makes one grant per organization, in parallel; one
 * organization's refusal or store error never touches another's token.
 *
 * <p>Bounded: beyond {@link #maxManagers()}, the managers idle the longest are dropped, never one with a token
 * request running. A dropped manager's token stays in the store; the organization's next call reads it back.
 * Thread-safe; {@link #manager} costs one map lookup once the manager exists. Build one with {@link
 * OrgTokenManager.Builder#buildRegistry}.
 */
public final class OrgTokenManagers {
  /** How many managers a registry keeps unless configured otherwise. */
  public static final int DEFAULT_MAX_MANAGERS = 10_000;

  private static final System.Logger LOG = System.getLogger(OrgTokenManagers.class.getName());

  private final OrgTokenSettings settings;
  private final int maxManagers;
  private final ConcurrentHashMap<String, OrgTokenManager> managers = new ConcurrentHashMap<>();
  private final Object evictionLock = new Object();

  OrgTokenManagers(OrgTokenSettings settings, int maxManagers) {
    if (maxManagers < 1) {
      throw new IllegalArgumentException("maxManagers must be at least 1");
    }
    this.settings = settings;
    this.maxManagers = maxManagers;
  }

  /** The app these managers get tokens for. */
  public String clientId() {
    return settings.clientId;
  }

  /** How many managers this registry keeps before it drops the longest idle. */
  public int maxManagers() {
    return maxManagers;
  }

  /**
   * The manager of {@code orgId}, created if this registry holds none (no I/O: its token comes from the store or
   * Cobo on first use).
   *
   * @throws IllegalArgumentException if {@code orgId} is null, blank, longer than 128 characters or has control
   *     characters
   */
  public OrgTokenManager manager(String orgId) {
    OrgTokenManager existing = managers.get(orgId == null ? "" : orgId);
    if (existing != null) {
      return existing;
    }
    Checks.organizationId(orgId);
    OrgTokenManager created = managers.computeIfAbsent(orgId, id -> new OrgTokenManager(settings, id));
    if (managers.size() > maxManagers) {
      evictIdle(created);
    }
    return created;
  }

  /** The manager of {@code orgId} if this registry holds one now; never creates one. */
  public @Nullable OrgTokenManager peek(String orgId) {
    return orgId == null ? null : managers.get(orgId);
  }

  /** The organizations this registry holds a manager for now: those used lately. A snapshot. */
  public Set<String> cachedOrganizations() {
    return Set.copyOf(managers.keySet());
  }

  /**
   * Every organization of the app the token store holds a token for, and those this registry has a manager for:
   * what a restarted backend knows without asking Cobo. A store that cannot list ({@link TokenStore#organizations}
   * unsupported) contributes nothing.
   *
   * @throws TokenStoreException if the store failed
   */
  public Set<String> organizations() {
    Set<String> all = new HashSet<>(managers.keySet());
    try {
      all.addAll(settings.store.organizations(settings.clientId));
    } catch (UnsupportedOperationException e) {
      LOG.log(System.Logger.Level.DEBUG, "{0} cannot list organizations", settings.store);
    } catch (TokenStoreException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new TokenStoreException("Listing the organizations of app " + settings.clientId + " failed", e);
    }
    return Set.copyOf(all);
  }

  /** The store the managers share. */
  public TokenStore store() {
    return settings.store;
  }

  /**
   * Drops the longest idle tenth beyond the bound, sparing {@code keep} (just asked for) and managers with a request
   * in flight. Sorting once per tenth of growth keeps the cost per new organization small.
   */
  private void evictIdle(OrgTokenManager keep) {
    synchronized (evictionLock) {
      int excess = managers.size() - maxManagers;
      if (excess <= 0) {
        return;
      }
      int target = excess + maxManagers / 10;
      List<Map.Entry<String, OrgTokenManager>> idle = new ArrayList<>(managers.entrySet());
      // Organizations known to need re-authorization go last: dropping one forgets that it is refused.
      idle.sort(
          Comparator.comparing((Map.Entry<String, OrgTokenManager> e) -> e.getValue().reauthorizationRequired())
              .thenComparingLong(e -> e.getValue().lastUsedMillis));
      int dropped = 0;
      for (Map.Entry<String, OrgTokenManager> e : idle) {
        if (dropped >= target) {
          break;
        }
        OrgTokenManager m = e.getValue();
        if (m != keep && !m.busy() && managers.remove(e.getKey(), m)) {
          dropped++;
        }
      }
    }
  }

  @Override
  public String toString() {
    return "OrgTokenManagers{clientId=" + settings.clientId + ", managers=" + managers.size() + ", max="
        + maxManagers + ", store=" + settings.store + '}';
  }
}
