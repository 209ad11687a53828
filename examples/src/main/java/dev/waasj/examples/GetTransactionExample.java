package dev.waasj.examples;

import dev.waasj.client.CoboClient;
import java.util.UUID;

/** {@code get_transaction_by_id}: one transaction, with the org token managed behind the scenes. */
public final class GetTransactionExample {
  private GetTransactionExample() {}

  /** A one-line summary of the transaction. */
  public static String run(CoboClient cobo, UUID transactionId) {
    var tx = cobo.apis().transactions().getTransactionById(transactionId);
    return tx.transactionId() + " " + tx.status() + " " + tx.tokenId() + " (request " + tx.requestId() + ")";
  }

  /** Prints the transaction whose ID is the first argument. */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: GetTransactionExample TRANSACTION_ID");
      System.exit(2);
    }
    try (ExampleSetup setup = ExampleSetup.fromEnvironment(System.getenv())) {
      System.out.println(run(setup.client(), UUID.fromString(args[0])));
    }
  }
}
