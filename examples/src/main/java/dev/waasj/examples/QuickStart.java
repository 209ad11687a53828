package dev.waasj.examples;

import dev.waasj.auth.token.OrgToken;
import dev.waasj.errors.CoboApiException;
import dev.waasj.errors.CoboException;
import dev.waasj.errors.ResponseSignatureException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * The README's main job: get an org access token, refresh it, and print a summary with every token redacted.
 * Offline against an embedded emulator when no {@code COBO_*} variables are set (see {@link ExampleSetup}).
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
