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

  /** The decision a stored reply records: {@code ok} approves, anything else denies, never approving by doubt. */
  static CallbackDecision fromReply(String reply) {
    return APPROVE.reply.equals(reply) ? APPROVE : DENY;
  }
}
