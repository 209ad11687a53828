package dev.waasj.examples;

import dev.waasj.auth.token.OrgToken;
import dev.waasj.auth.token.OrgTokenManager;
import dev.waasj.client.CoboClient;

/**
 * The token manager: ask it for a token whenever you need one; it fetches, refreshes ahead of expiry and rotates.
 * A client built with {@code clientId} and {@code orgId} also attaches the token to org-scoped calls by itself.
 */
public final class TokenManagerExample {
  private TokenManagerExample() {}

  /** The tokens before and after a forced refresh. */
  public static final class Result {
    /** The first token. */
    public final OrgToken first;
    /** The token after {@link OrgTokenManager#refresh()}. */
    public final OrgToken refreshed;

    Result(OrgToken first, OrgToken refreshed) {
      this.first = first;
      this.refreshed = refreshed;
    }
  }

  /** Gets the org token (cached after the first call), then forces a refresh. */
  public static Result run(CoboClient cobo) {
    OrgTokenManager tokens = cobo.tokens();
    OrgToken first = tokens.token();
    OrgToken again = tokens.token(); // served from memory: no request
    if (!again.equals(first)) {
      throw new IllegalStateException("a valid token should be served from memory");
    }
    return new Result(first, tokens.refresh());
  }

  /** Prints a redacted summary. */
  public static void main(String[] args) throws Exception {
    try (ExampleSetup setup = ExampleSetup.fromEnvironment(System.getenv())) {
      Result r = run(setup.client());
      System.out.println("token manager: " + r.first + " -> " + r.refreshed);
    }
  }
}
