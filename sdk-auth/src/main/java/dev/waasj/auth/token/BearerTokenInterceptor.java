package dev.waasj.auth.token;

import dev.waasj.errors.CoboException;
import dev.waasj.errors.MalformedResponseException;
import dev.waasj.internal.auth.ErrorCodes;
import dev.waasj.internal.call.FailureCarrier;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Attaches {@code Authorization: Bearer <org access token>} to org-scoped calls, never to the token endpoint
 * (which is signed with the app key alone). When the server refuses the token, it invalidates exactly the token it
 * sent and replays the call once with a new one (refreshed single-flight by the manager); a second refusal is
 * returned to the caller. Install it as an application interceptor outside the signing interceptor, so the replay
 * is signed afresh with a new nonce.
 *
 * <p>A refused token is a 401 that does not blame the request's signature, or an HTTP 500 with {@code error_code}
 * 1000: Cobo has been seen to answer an expired org access token that way rather than with 401, and a 500 is
 * otherwise never retried, so without this the call would fail although a fresh token would have made it succeed.
 * A 401 with one of the codes of API-key authentication (2022 missing signature headers, 2023 signature validation
 * failed, including a stale or replayed nonce, 2024 API key authentication failed) goes to the caller as it is: a
 * new token cannot fix the key, and refreshing would rotate the org's refresh token on every call of a
 * misconfigured client. Only calls that carried a token are replayed.
 *
 * <p>Waiting for another thread's token refresh is bounded by the call's own timeout, when it has one.
 */
public final class BearerTokenInterceptor implements Interceptor {
  private final Function<Request, @Nullable OrgTokenManager> managers;

  /** Attaches the tokens {@code tokens} manages. */
  public BearerTokenInterceptor(OrgTokenManager tokens) {
    Objects.requireNonNull(tokens, "tokens");
    this.managers = request -> tokens;
  }

  private BearerTokenInterceptor(Function<Request, @Nullable OrgTokenManager> managers) {
    this.managers = managers;
  }

  /**
   * Attaches, to each request, the token of the manager {@code managers} picks for it, e.g. by a tag naming the
   * organization; none when it picks null. One interceptor then serves every organization of an app on one stack.
   * {@code managers} runs on the calling or OkHttp thread and must not block or throw.
   */
  public static BearerTokenInterceptor resolving(Function<Request, @Nullable OrgTokenManager> managers) {
    return new BearerTokenInterceptor(Objects.requireNonNull(managers, "managers"));
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (isTokenEndpoint(request)) {
      return chain.proceed(request.newBuilder().removeHeader("Authorization").build());
    }
    OrgTokenManager manager = managers.apply(request);
    if (manager == null) {
      return chain.proceed(request); // an app-level call: signed with the app key alone
    }
    String token = currentToken(manager, chain);
    Response response = chain.proceed(withBearer(request, token));
    if (!isRefusedToken(response)) {
      return response;
    }
    response.close();
    manager.invalidate(token);
    return chain.proceed(withBearer(request, currentToken(manager, chain)));
  }

  /** Interceptors may only throw IOException without killing OkHttp's async threads: carry typed failures. */
  private static String currentToken(OrgTokenManager manager, Chain chain) throws FailureCarrier {
    long timeoutNanos = chain.call().timeout().timeoutNanos();
    try {
      return manager.token(timeoutNanos > 0 ? Duration.ofNanos(timeoutNanos) : null).accessToken();
    } catch (CoboException e) {
      throw new FailureCarrier(e);
    } catch (RuntimeException e) { // a custom store or clock that broke its contract
      throw new FailureCarrier(
          new CoboException("Obtaining the org access token failed: " + e.getClass().getName(), e));
    }
  }

  /** A 401 not about the request's signature or API key, or Cobo's expired-token answer: 500 with code 1000. */
  private static boolean isRefusedToken(Response response) {
    int status = response.code();
    if (status != 401 && status != 500) {
      return false;
    }
    Integer code = ErrorCodes.peek(response);
    if (status == 401) {
      return code == null || !ErrorCodes.isRequestAuthentication(code);
    }
    return code != null && code == 1000;
  }

  private static Request withBearer(Request request, String token) throws FailureCarrier {
    try {
      return request.newBuilder().header("Authorization", "Bearer " + token).build();
    } catch (IllegalArgumentException e) { // a token no header can carry, e.g. from a hand-edited token store
      throw new FailureCarrier(
          new MalformedResponseException("The org access token has characters an HTTP header cannot carry", null));
    }
  }

  private static boolean isTokenEndpoint(Request request) {
    return request.url().encodedPath().endsWith("/oauth/token");
  }

  @Override
  public String toString() {
    return "BearerTokenInterceptor";
  }
}
