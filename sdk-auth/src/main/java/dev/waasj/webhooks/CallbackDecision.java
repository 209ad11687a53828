package dev.waasj.webhooks;

/** The answer to an approval callback, sent as exactly {@code ok} or {@code deny}. */
public enum CallbackDecision {
  /** Let the transaction go ahead: answered {@code ok}. */
  APPROVE("ok"),
  /** Refuse the transaction: answered {@code deny}. */
  DENY("deny");

  private final String reply;

  CallbackDecision(String reply) {
    this.reply = reply;
  }

  /** The body Cobo reads: {@code ok} or {@code deny}. */
  public String reply() {
    return reply;
  }
}
