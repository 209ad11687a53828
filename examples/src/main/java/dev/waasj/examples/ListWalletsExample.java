package dev.waasj.examples;

import dev.waasj.client.CoboClient;
import dev.waasj.generated.api.WalletsApi.ListWalletsParams;
import dev.waasj.generated.model.CustodialWalletInfo;
import dev.waasj.generated.model.MPCWalletInfo;
import dev.waasj.generated.model.WalletInfo;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code list_wallets}: every wallet of the organization, across all pages. The client attaches the org access
 * token and keeps it fresh.
 */
public final class ListWalletsExample {
  private ListWalletsExample() {}

  /** One line per wallet: its ID, type and name. The pager sends one request per page of 50, no cursor code. */
  public static List<String> run(CoboClient cobo) {
    return run(cobo, 50);
  }

  /** The same with {@code pageSize} wallets per request. */
  public static List<String> run(CoboClient cobo, int pageSize) {
    return cobo.apis()
        .wallets()
        .listWalletsAll(ListWalletsParams.builder().limit(pageSize).build())
        .stream()
        .map(ListWalletsExample::describe)
        .collect(Collectors.toList());
  }

  static String describe(WalletInfo wallet) {
    if (wallet instanceof CustodialWalletInfo) {
      CustodialWalletInfo w = (CustodialWalletInfo) wallet;
      return w.walletId() + " " + w.walletType() + " " + w.name();
    }
    if (wallet instanceof MPCWalletInfo) {
      MPCWalletInfo w = (MPCWalletInfo) wallet;
      return w.walletId() + " " + w.walletType() + " " + w.name() + " (vault " + w.vaultId() + ")";
    }
    return "a wallet of a kind this SDK build does not know: " + wallet; // e.g. a type added after the spec
  }

  /** Prints every wallet. */
  public static void main(String[] args) {
    try (ExampleSetup setup = ExampleSetup.fromEnvironment(System.getenv())) {
      run(setup.client()).forEach(System.out::println);
    }
  }
}
