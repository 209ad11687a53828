package dev.waasj.examples.portal;

import dev.waasj.client.CoboOrganization;
import dev.waasj.errors.NotFoundException;
import dev.waasj.portal.PortalUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The app's API for its front end. Every method receives the organization of the request's verified User Info Token
 * (the starter resolves it); none takes an organization from the browser, and the one that names one in its path
 * refuses any but the user's own.
 */
@RestController
public class WalletController {
  /** Created by Spring. */
  public WalletController() {}

  /** Who is asking: the verified user. */
  @GetMapping("/api/me")
  public Map<String, Object> me(PortalUser user) {
    return Map.of("org_id", user.orgId(), "user_id", user.userId(), "role_names", user.roleNames());
  }

  /** The user's organization's wallets, with that organization's token. */
  @GetMapping("/api/wallets")
  public Map<String, Object> wallets(CoboOrganization organization) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("org_id", organization.orgId());
    answer.put("wallet_ids", walletIds(organization.api(Wallets.class).listWallets()));
    return answer;
  }

  /** A URL naming an organization: answered for the user's own only. */
  @GetMapping("/api/organizations/{orgId}/wallets")
  public ResponseEntity<Map<String, Object>> walletsOf(
      @PathVariable("orgId") String orgId, PortalUser user, CoboOrganization organization) {
    if (!orgId.equals(user.orgId())) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "not_your_organization"));
    }
    return ResponseEntity.ok(wallets(organization));
  }

  /** One wallet, looked up with the user's organization's token: another organization's wallet is not found. */
  @GetMapping("/api/wallets/{walletId}")
  public ResponseEntity<Map<String, Object>> wallet(
      @PathVariable("walletId") String walletId, CoboOrganization organization) {
    try {
      Map<String, Object> wallet = organization.api(Wallets.class).getWallet(walletId);
      return ResponseEntity.ok(Map.of("org_id", organization.orgId(), "wallet", wallet));
    } catch (NotFoundException e) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not_found"));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> walletIds(Map<String, Object> page) {
    List<String> ids = new ArrayList<>();
    Object data = page.get("data");
    if (data instanceof List<?> wallets) {
      for (Object w : wallets) {
        if (w instanceof Map<?, ?> wallet && wallet.get("wallet_id") != null) {
          ids.add(String.valueOf(((Map<String, Object>) wallet).get("wallet_id")));
        }
      }
    }
    return ids;
  }
}
