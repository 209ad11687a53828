package dev.waasj.auth.token;

import dev.waasj.internal.json.ModelSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An org access token with its refresh token and expiry times. Immutable. {@code toString()} never shows either
 * token. Custom {@link TokenStore}s build one with {@link #builder()}.
 */
public final class OrgToken {
  /** How long Cobo's refresh tokens live. */
  public static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(30);

  private final String clientId;
  private final String orgId;
  private final String accessToken;
  private final String refreshToken;
  private final String tokenType;
  private final Instant obtainedAt;
  private final Instant expiresAt;
  private final Instant refreshExpiresAt;

  private OrgToken(Builder b) {
    this.clientId = require(b.clientId, "clientId");
    this.orgId = require(b.orgId, "orgId");
    this.accessToken = require(b.accessToken, "accessToken");
    this.refreshToken = require(b.refreshToken, "refreshToken");
    this.tokenType = b.tokenType == null ? "Bearer" : b.tokenType;
    this.obtainedAt = require(b.obtainedAt, "obtainedAt");
    this.expiresAt = require(b.expiresAt, "expiresAt");
    this.refreshExpiresAt =
        b.refreshExpiresAt != null ? b.refreshExpiresAt : obtainedAt.plus(REFRESH_TOKEN_LIFETIME);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The app ({@code client_id}) the token was issued to. */
  public String clientId() {
    return clientId;
  }

  /** The organization the token acts for. */
  public String orgId() {
    return orgId;
  }

  /** The access token. Secret: never log it. */
  public String accessToken() {
    return accessToken;
  }

  /** The refresh token. Secret: never log it. */
  public String refreshToken() {
    return refreshToken;
  }

  /** The token type, {@code Bearer}. */
  public String tokenType() {
    return tokenType;
  }

  /** When the token was issued (by this machine's clock). */
  public Instant obtainedAt() {
    return obtainedAt;
  }

  /** When the access token expires. */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** When the refresh token expires. */
  public Instant refreshExpiresAt() {
    return refreshExpiresAt;
  }

  /** Whether the access token is still valid at {@code now}. */
  public boolean isValidAt(Instant now) {
    return now.isBefore(expiresAt);
  }

  /** Whether the refresh token can still be used at {@code now}. */
  public boolean canRefreshAt(Instant now) {
    return now.isBefore(refreshExpiresAt);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof OrgToken)) {
      return false;
    }
    OrgToken t = (OrgToken) o;
    return clientId.equals(t.clientId)
        && orgId.equals(t.orgId)
        && accessToken.equals(t.accessToken)
        && refreshToken.equals(t.refreshToken)
        && tokenType.equals(t.tokenType)
        && obtainedAt.equals(t.obtainedAt)
        && expiresAt.equals(t.expiresAt)
        && refreshExpiresAt.equals(t.refreshExpiresAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(accessToken, refreshToken, expiresAt);
  }

  /** Describes the token without either secret. */
  @Override
  public String toString() {
    return "OrgToken{clientId=" + clientId + ", orgId=" + orgId + ", accessToken=" + ModelSupport.REDACTED
        + ", refreshToken=" + ModelSupport.REDACTED
        + ", expiresAt=" + expiresAt + ", refreshExpiresAt=" + refreshExpiresAt + '}';
  }

  private static <T> T require(@Nullable T value, String name) {
    if (value == null) {
      throw new IllegalStateException("OrgToken." + name + " is required but was not set");
    }
    return value;
  }

  /** Builds {@link OrgToken}s. */
  public static final class Builder {
    private @Nullable String clientId;
    private @Nullable String orgId;
    private @Nullable String accessToken;
    private @Nullable String refreshToken;
    private @Nullable String tokenType;
    private @Nullable Instant obtainedAt;
    private @Nullable Instant expiresAt;
    private @Nullable Instant refreshExpiresAt;

    private Builder() {}

    /** Sets the app ID. */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** Sets the organization ID. */
    public Builder orgId(String orgId) {
      this.orgId = orgId;
      return this;
    }

    /** Sets the access token. */
    public Builder accessToken(String accessToken) {
      this.accessToken = accessToken;
      return this;
    }

    /** Sets the refresh token. */
    public Builder refreshToken(String refreshToken) {
      this.refreshToken = refreshToken;
      return this;
    }

    /** Sets the token type; {@code Bearer} when unset. */
    public Builder tokenType(String tokenType) {
      this.tokenType = tokenType;
      return this;
    }

    /** Sets when the token was issued. */
    public Builder obtainedAt(Instant obtainedAt) {
      this.obtainedAt = obtainedAt;
      return this;
    }

    /** Sets when the access token expires. */
    public Builder expiresAt(Instant expiresAt) {
      this.expiresAt = expiresAt;
      return this;
    }

    /** Sets when the refresh token expires; 30 days after {@code obtainedAt} when unset. */
    public Builder refreshExpiresAt(Instant refreshExpiresAt) {
      this.refreshExpiresAt = refreshExpiresAt;
      return this;
    }

    /**
     * Builds the token.
     *
     * @throws IllegalStateException if a required value is missing
     */
    public OrgToken build() {
      return new OrgToken(this);
    }
  }
}
