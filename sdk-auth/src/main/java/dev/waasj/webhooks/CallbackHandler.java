package dev.waasj.webhooks;

/** Decides a verified approval callback: a withdrawal or contract call waiting for the app's answer. */
@FunctionalInterface
public interface CallbackHandler {
  /**
   * Decides one callback.
   *
   * @param callback the verified callback; {@code callback.as(Transaction.class)} reads the transaction
   * @return approve or deny; never null
   * @throws Exception if no decision can be made now (answered per {@link CoboWebhooks.CallbackFailurePolicy})
   */
  CallbackDecision decide(VerifiedMessage callback) throws Exception;
}
