package dev.waasj.examples;

import dev.waasj.client.CoboClient;
import dev.waasj.errors.DuplicateRequestIdException;
import dev.waasj.generated.api.TransactionsApi.ListTransactionsParams;
import dev.waasj.generated.model.AddressTransferDestination;
import dev.waasj.generated.model.AddressTransferDestinationAccountOutput;
import dev.waasj.generated.model.CustodialTransferSource;
import dev.waasj.generated.model.TransferDestinationType;
import dev.waasj.generated.model.TransferParams;
import dev.waasj.generated.model.WalletSubtype;
import java.util.UUID;

/**
 * {@code create_transfer_transaction} made safe to retry. The {@code request_id} is the idempotency key: Cobo
 * refuses a second transfer with the same ID (error 12009 or 30001, a {@link DuplicateRequestIdException}) instead
 * of sending twice. So, when a response is lost, send the very same request again (the SDK does so itself once);
 * if it is refused as a duplicate, the first one went through: find it with {@code list_transactions} filtered by
 * that {@code request_id}. Keep the ID with your own record of the payment, so a restart can reconcile too.
 */
public final class TransferExample {
  private TransferExample() {}

  /** The transfer to make: {@code amount} of {@code tokenId} from a custodial wallet to an address. */
  public static TransferParams transfer(
      String requestId, UUID fromWalletId, String tokenId, String toAddress, String amount) {
    return TransferParams.builder()
        .requestId(requestId)
        .source(CustodialTransferSource.builder().sourceType(WalletSubtype.ASSET).walletId(fromWalletId).build())
        .tokenId(tokenId)
        .destination(
            AddressTransferDestination.builder()
                .destinationType(TransferDestinationType.ADDRESS)
                .accountOutput(
                    AddressTransferDestinationAccountOutput.builder().address(toAddress).amount(amount).build())
                .build())
        .build();
  }

  /**
   * Sends {@code transfer} and returns the ID of the transaction it made, whether this call or an earlier one with
   * the same {@code request_id} created it.
   */
  public static String send(CoboClient cobo, TransferParams transfer) {
    try {
      // After a lost response the SDK itself sends the same body again: the request_id makes that safe.
      return String.valueOf(cobo.apis().transactions().createTransferTransaction(transfer).transactionId());
    } catch (DuplicateRequestIdException e) {
      // A request with this request_id went through before (maybe the one whose answer was lost): find it.
      return findByRequestId(cobo, transfer.requestId());
    }
  }

  /** The transaction created with {@code requestId}. */
  public static String findByRequestId(CoboClient cobo, String requestId) {
    var page =
        cobo.apis().transactions().listTransactions(ListTransactionsParams.builder().requestId(requestId).build());
    if (page.data() == null || page.data().isEmpty()) {
      throw new IllegalStateException("No transaction has request_id " + requestId);
    }
    return String.valueOf(page.data().get(0).transactionId());
  }

  /** Sends 0.0001 ETH from the wallet in the first argument to the address in the second. */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: TransferExample FROM_WALLET_ID TO_ADDRESS");
      System.exit(2);
    }
    try (ExampleSetup setup = ExampleSetup.fromEnvironment(System.getenv())) {
      TransferParams transfer =
          transfer(UUID.randomUUID().toString(), UUID.fromString(args[0]), "ETH", args[1], "0.0001");
      System.out.println("transaction " + send(setup.client(), transfer));
    }
  }
}
