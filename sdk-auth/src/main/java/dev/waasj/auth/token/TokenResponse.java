package dev.waasj.auth.token;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import dev.waasj.internal.json.JsonModel;
import dev.waasj.internal.json.ModelSupport;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the token endpoint answers on success: {@code access_token}, {@code refresh_token}, {@code token_type},
 * {@code scope} and {@code expires_in}. Immutable; {@code toString()} never shows either token.
 *
 * <p>Reading is strict where a token manager depends on a value and forgiving where a server could only be odd:
 * both tokens must be non-empty strings of visible ASCII (they travel in an HTTP header) and {@code expires_in} a
 * JSON number, or reading fails with {@link
 * JsonDataException} (surfaced as {@link dev.waasj.errors.MalformedResponseException}). {@code expires_in} is
 * seconds: a fraction is dropped, a negative value counts as 0 (already expired) and anything above {@link
 * #MAX_EXPIRES_IN} counts as that, so an absurd value can neither overflow a clock nor outlive the refresh token
 * that renews the access token. {@code token_type} defaults to {@code Bearer}, {@code scope} to empty.
 */
@JsonModel(adapter = TokenResponse.MoshiAdapter.class)
public final class TokenResponse {
  /** The longest lifetime an access token is believed to have: the refresh token's 30 days. */
  public static final Duration MAX_EXPIRES_IN = OrgToken.REFRESH_TOKEN_LIFETIME;

  private final String accessToken;
  private final String refreshToken;
  private final String tokenType;
  private final String scope;
  private final Duration expiresIn;

  /**
   * Creates a response, e.g. for a custom {@link TokenEndpoint}.
   *
   * @param accessToken the access token, not blank
   * @param refreshToken the refresh token, not blank
   * @param tokenType the token type, usually {@code Bearer}
   * @param scope the granted scope, often empty
   * @param expiresIn how long the access token lives, clamped to [0, {@link #MAX_EXPIRES_IN}]
   * @throws IllegalArgumentException if a token is blank
   */
  public TokenResponse(String accessToken, String refreshToken, String tokenType, String scope, Duration expiresIn) {
    this.accessToken = requireText(accessToken, "access_token");
    this.refreshToken = requireText(refreshToken, "refresh_token");
    this.tokenType = Objects.requireNonNull(tokenType, "tokenType");
    this.scope = Objects.requireNonNull(scope, "scope");
    this.expiresIn = clamp(Objects.requireNonNull(expiresIn, "expiresIn"));
  }

  /** The access token. Secret: never log it. */
  public String accessToken() {
    return accessToken;
  }

  /** The refresh token. Secret: never log it. */
  public String refreshToken() {
    return refreshToken;
  }

  /** The token type, {@code Bearer}. */
  public String tokenType() {
    return tokenType;
  }

  /** The granted scope; Cobo currently answers an empty string. */
  public String scope() {
    return scope;
  }

  /** How long the access token lives from the moment it was issued, within [0, {@link #MAX_EXPIRES_IN}]. */
  public Duration expiresIn() {
    return expiresIn;
  }

  @Override
  public String toString() {
    return "TokenResponse{accessToken=" + ModelSupport.REDACTED + ", refreshToken=" + ModelSupport.REDACTED
        + ", tokenType=" + tokenType + ", scope=" + scope + ", expiresIn=" + expiresIn + '}';
  }

  private static Duration clamp(Duration d) {
    if (d.isNegative()) {
      return Duration.ZERO;
    }
    return d.compareTo(MAX_EXPIRES_IN) > 0 ? MAX_EXPIRES_IN : d;
  }

  /** {@code expires_in} as whole seconds, clamped before any conversion can overflow. */
  static Duration expiresInSeconds(BigDecimal seconds) {
    if (seconds.signum() < 0) {
      return Duration.ZERO;
    }
    if (seconds.compareTo(BigDecimal.valueOf(MAX_EXPIRES_IN.getSeconds())) > 0) {
      return MAX_EXPIRES_IN;
    }
    return Duration.ofSeconds(seconds.longValue());
  }

  private static String requireText(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return value;
  }

  /** Reads the token endpoint's JSON by the rules in the class comment. */
  public static final class MoshiAdapter extends JsonAdapter<TokenResponse> {
    private static final JsonReader.Options NAMES =
        JsonReader.Options.of("access_token", "refresh_token", "token_type", "scope", "expires_in");

    /**
     * Creates the adapter; registered through {@link JsonModel}.
     *
     * @param moshi unused: every member is read directly
     */
    public MoshiAdapter(Moshi moshi) {
      Objects.requireNonNull(moshi, "moshi");
    }

    @Override
    public @Nullable TokenResponse fromJson(JsonReader reader) throws IOException {
      if (reader.peek() == JsonReader.Token.NULL) {
        return reader.nextNull();
      }
      String access = null;
      String refresh = null;
      String type = "Bearer";
      String scope = "";
      Duration expiresIn = null;
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(NAMES)) {
          case 0:
            access = string(reader);
            break;
          case 1:
            refresh = string(reader);
            break;
          case 2:
            type = Objects.requireNonNullElse(string(reader), type);
            break;
          case 3:
            scope = Objects.requireNonNullElse(string(reader), scope);
            break;
          case 4:
            expiresIn = seconds(reader);
            break;
          default:
            reader.skipName();
            reader.skipValue();
        }
      }
      reader.endObject();
      if (access == null || access.isBlank()) {
        throw new JsonDataException("Token response has no access_token at " + reader.getPath());
      }
      if (refresh == null || refresh.isBlank()) {
        throw new JsonDataException("Token response has no refresh_token at " + reader.getPath());
      }
      if (!isTokenText(access) || !isTokenText(refresh)) {
        // Sent back in an Authorization header or a JSON body: anything but visible ASCII cannot be a token.
        throw new JsonDataException("Token response has a token with characters a token cannot have");
      }
      if (expiresIn == null) {
        throw new JsonDataException("Token response has no expires_in at " + reader.getPath());
      }
      return new TokenResponse(access, refresh, type, scope, expiresIn);
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable TokenResponse value) throws IOException {
      if (value == null) {
        writer.nullValue();
        return;
      }
      writer.beginObject();
      writer.name("access_token").value(value.accessToken);
      writer.name("token_type").value(value.tokenType);
      writer.name("scope").value(value.scope);
      writer.name("expires_in").value(value.expiresIn.getSeconds());
      writer.name("refresh_token").value(value.refreshToken);
      writer.endObject();
    }

    /** Visible ASCII only, as OAuth bearer tokens are. */
    private static boolean isTokenText(String token) {
      for (int i = 0; i < token.length(); i++) {
        char c = token.charAt(i);
        if (c < 0x21 || c > 0x7e) {
          return false;
        }
      }
      return true;
    }

    private static @Nullable String string(JsonReader reader) throws IOException {
      if (reader.peek() == JsonReader.Token.NULL) {
        return reader.nextNull();
      }
      if (reader.peek() != JsonReader.Token.STRING) {
        throw new JsonDataException("Expected a string at " + reader.getPath());
      }
      return reader.nextString();
    }

    private static @Nullable Duration seconds(JsonReader reader) throws IOException {
      if (reader.peek() == JsonReader.Token.NULL) {
        return reader.nextNull();
      }
      if (reader.peek() != JsonReader.Token.NUMBER) {
        throw new JsonDataException("Expected expires_in to be a number at " + reader.getPath());
      }
      String text = reader.nextString();
      try {
        return expiresInSeconds(new BigDecimal(text));
      } catch (NumberFormatException | ArithmeticException e) {
        throw new JsonDataException("Expected expires_in to be a number at " + reader.getPath(), e);
      }
    }
  }
}
