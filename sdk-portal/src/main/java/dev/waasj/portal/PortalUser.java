package dev.waasj.portal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who is using the app, as a User Info Token that {@link UserInfoTokenVerifier} verified says: the organization, the
 * user, the e-mail and the role names. There is deliberately no public way to make one: a {@code PortalUser} always
 * comes from a verified token, so {@link PortalOrganizations#organization(PortalUser)} can trust its organization.
 * Immutable; {@link #toString()} names the organization, user and roles only (no e-mail, no token).
 */
public final class PortalUser {
  private final String orgId;
  private final String userId;
  private final @Nullable String email;
  private final List<String> roleNames;
  private final Instant issuedAt;
  private final Instant expiresAt;
  private final @Nullable String tokenId;

  PortalUser(
      String orgId,
      String userId,
      @Nullable String email,
      List<String> roleNames,
      Instant issuedAt,
      Instant expiresAt,
      @Nullable String tokenId) {
    this.orgId = orgId;
    this.userId = userId;
    this.email = email;
    this.roleNames = List.copyOf(roleNames);
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
    this.tokenId = tokenId;
  }

  /** The organization the user acts in: the token's {@code org_id} claim. */
  public String orgId() {
    return orgId;
  }

  /** The user's ID: the token's {@code sub}. */
  public String userId() {
    return userId;
  }

  /** The user's e-mail ({@code email}), if the token carries one. */
  public Optional<String> email() {
    return Optional.ofNullable(email);
  }

  /** The user's roles in the organization ({@code role_names}, e.g. Viewer, Spender, Admin); possibly empty. */
  public List<String> roleNames() {
    return roleNames;
  }

  /** Whether {@link #roleNames()} holds {@code role}, compared exactly. */
  public boolean hasRole(String role) {
    return roleNames.contains(role);
  }

  /** When Cobo Portal issued the token ({@code iat}). */
  public Instant issuedAt() {
    return issuedAt;
  }

  /** When the token expires ({@code exp}): the front end must fetch a new one after it. */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** The token's ID ({@code jti}), if it has one: for an application that wants to refuse replays. */
  public Optional<String> tokenId() {
    return Optional.ofNullable(tokenId);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PortalUser)) {
      return false;
    }
    PortalUser other = (PortalUser) o;
    return orgId.equals(other.orgId)
        && userId.equals(other.userId)
        && Objects.equals(email, other.email)
        && roleNames.equals(other.roleNames)
        && issuedAt.equals(other.issuedAt)
        && expiresAt.equals(other.expiresAt)
        && Objects.equals(tokenId, other.tokenId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(orgId, userId, roleNames, issuedAt);
  }

  @Override
  public String toString() {
    return "PortalUser{orgId=" + orgId + ", userId=" + userId + ", roleNames=" + roleNames + '}';
  }
}
