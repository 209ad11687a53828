package dev.waasj.examples;

import dev.waasj.auth.token.OrgToken;
import dev.waasj.errors.CoboApiException;
import dev.waasj.errors.CoboException;
import dev.waasj.errors.ResponseSignatureException;
import dev.waasj.testkit.Fault;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The README's main job: get an org access token, refresh it, list every wallet across pages, and print a summary
 * with every token redacted. Offline against an embedded emulator when no {@code COBO_*} variables are set (see
 * {@link ExampleSetup}); there it also makes a transfer whose answer is lost on the way back, and shows the SDK
 * resending it safely and finding it again by its {@code request_id}. Against a real server it moves no money.
 *
 * <p>Exit status: 0 on success, 1 when the API or the network failed, 2 when the configuration is wrong. Failures
 * print one line; pass {@code --stacktrace} (or set {@code COBO_DEBUG=1}) for the stack trace.
 */
public final class QuickStart {
  private QuickStart() {}

  /** Runs the main job and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(System.getenv(), System.out, System.err, args));
  }

  /** Runs the main job; returns the exit status instead of exiting, for tests. */
  public static int run(Map<String, String> env, PrintStream out, PrintStream err, String... args) {
    boolean stackTraces = Arrays.asList(args).contains("--stacktrace") || "1".equals(env.get("COBO_DEBUG"));
    try (ExampleSetup setup = ExampleSetup.fromEnvironment(env)) {
      out.println("waasj quick start: " + setup.describe());
      TokenManagerExample.Result r = TokenManagerExample.run(setup.client());
      out.println("  getToken     " + summary(r.first));
      out.println("  refreshToken " + summary(r.refreshed));
      out.println("  rotation     refresh token "
          + (r.refreshed.refreshToken().equals(r.first.refreshToken()) ? "NOT rotated" : "rotated"));
      List<String> wallets = ListWalletsExample.run(setup.client(), 10);
      out.println("  wallets      " + wallets.size() + " across every page, 10 a page, no cursor code");
      if (setup.emulator().isPresent()) {
        out.println("  transfer     " + lostAnswerTransfer(setup));
      }
      out.println("OK");
      return 0;
    } catch (ResponseSignatureException e) {
      return fail(err, e, stackTraces, "response signature verification failed (" + e.reason() + "): "
          + e.getMessage());
    } catch (CoboApiException e) {
      return fail(err, e, stackTraces, "the API refused the request: " + e.getMessage());
    } catch (CoboException e) {
      return fail(err, e, stackTraces, e.getMessage());
    } catch (IllegalArgumentException | IllegalStateException e) {
      fail(err, e, stackTraces, "configuration: " + e.getMessage());
      return 2;
    }
  }

  /** A transfer whose answer the emulator drops: the SDK resends it, Cobo refuses the duplicate, we find it. */
  private static String lostAnswerTransfer(ExampleSetup setup) {
    String requestId = UUID.randomUUID().toString();
    setup.emulator().orElseThrow().enqueueFault(Fault.dropResponse());
    String transactionId =
        TransferExample.send(
            setup.client(), TransferExample.transfer(requestId, UUID.randomUUID(), "ETH_USDT", "0x9a1b2c3d4e5f6071", "1.5"));
    return "answer lost, resent with request_id " + requestId.substring(0, 8) + "..., duplicate refused, found again"
        + " as transaction " + transactionId;
  }

  private static String summary(OrgToken t) {
    long seconds = Duration.between(t.obtainedAt(), t.expiresAt()).getSeconds();
    return "access " + Redacted.of(t.accessToken()) + " " + t.tokenType() + ", expires in " + seconds + " s at "
        + t.expiresAt() + "; refresh " + Redacted.of(t.refreshToken());
  }

  private static int fail(PrintStream err, Exception e, boolean stackTraces, String reason) {
    err.println("FAILED: " + reason);
    if (stackTraces) {
      e.printStackTrace(err);
    }
    return 1;
  }
}
