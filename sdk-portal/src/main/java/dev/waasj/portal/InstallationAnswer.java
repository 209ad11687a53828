package dev.waasj.portal;

/**
 * The HTTP answer to an installation callback, for whatever serves the callback URL to send as it is: a status, a
 * content type and a small JSON body, and the {@link #outcome()} behind them.
 *
 * <table>
 *   <caption>Answers</caption>
 *   <tr><th>outcome</th><th>status</th><th>body</th></tr>
 *   <tr><td>INSTALLED, REJECTED</td><td>200</td><td>{@code {"success":true}}</td></tr>
 *   <tr><td>INVALID</td><td>400</td><td>{@code {"success":false,"error":"invalid_request","message":...}}</td></tr>
 *   <tr><td>NOT_AUTHORIZED</td><td>403</td><td>{@code {"success":false,"error":"not_authorized"}}</td></tr>
 *   <tr><td>UNAVAILABLE</td><td>503</td><td>{@code {"success":false,"error":"temporarily_unavailable"}}</td></tr>
 * </table>
 *
 * <p>No redirect: Cobo calls the URL itself and reads the answer as Cobo's own Portal app starter gives it ({@code 200
 * {"success": true}}); the user goes on in Cobo Portal, not at this URL.
 */
public final class InstallationAnswer {
  private final int status;
  private final String body;
  private final InstallationOutcome outcome;

  InstallationAnswer(int status, String body, InstallationOutcome outcome) {
    this.status = status;
    this.body = body;
    this.outcome = outcome;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The content type: always {@code application/json}. */
  public String contentType() {
    return "application/json";
  }

  /** The JSON body. */
  public String body() {
    return body;
  }

  /** What the callback came to. */
  public InstallationOutcome outcome() {
    return outcome;
  }

  @Override
  public String toString() {
    return "InstallationAnswer{" + status + ", " + outcome + '}';
  }
}
