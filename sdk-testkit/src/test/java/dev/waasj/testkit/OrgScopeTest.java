package dev.waasj.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Org-scoped wallet IDs: UUIDs that name their organization, and that no ordinary UUID is taken for. */
class OrgScopeTest {
  @Test
  void aScopedIdIsAUuidOfItsOrganizationOnly() {
    String id = OrgScope.walletId("org-a", "f47ac10b-58cc-4372-a567-0e02b2c3d479");

    assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    assertThat(OrgScope.belongsToAnotherOrganization(id, "org-a")).isFalse();
    assertThat(OrgScope.belongsToAnotherOrganization(id, "org-b")).isTrue();
    assertThat(OrgScope.walletId("org-a", "f47ac10b-58cc-4372-a567-0e02b2c3d479")).isEqualTo(id); // deterministic
    assertThat(OrgScope.walletId("org-a", "another")).isNotEqualTo(id);
  }

  @Test
  void anIdTheEmulatorDidNotScopeBelongsToNoOrganization() {
    Random random = new Random(27); // seeded: the same 20,000 UUIDs every run
    int takenForScoped = 0;
    for (int i = 0; i < 20_000; i++) {
      String id = new UUID(random.nextLong(), random.nextLong()).toString();
      takenForScoped += OrgScope.belongsToAnotherOrganization(id, "org-a") ? 1 : 0;
    }
    assertThat(takenForScoped).isZero();
    String scoped = OrgScope.walletId("org-a", "x");
    String tampered = scoped.substring(0, 35) + (scoped.charAt(35) == '0' ? '1' : '0');
    assertThat(OrgScope.belongsToAnotherOrganization(tampered, "org-b")).isFalse();
    assertThat(OrgScope.belongsToAnotherOrganization("not-a-uuid", "org-b")).isFalse();
  }
}
