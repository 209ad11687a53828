package dev.waasj.webhooks;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import dev.waasj.errors.MalformedResponseException;
import dev.waasj.internal.json.JsonSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * A webhook event or callback whose signature verified: its raw body, its signing time, and the members every event
 * has, read without naming any generated class, so this works whatever spec the SDK was generated from. {@link
 * #as(Class)} reads the body into a generated model, e.g. {@code WebhookEvent} or {@code Transaction}, with the
 * {@code data} of an event on the right {@code oneOf} shape and unknown event types kept. Immutable.
 */
public final class VerifiedMessage {
  private final byte[] body;
  private final Instant signedAt;
  private final @Nullable String eventId;
  private final @Nullable String type;
  private final @Nullable String dataType;

  VerifiedMessage(byte[] body, Instant signedAt) {
    this.body = body.clone();
    this.signedAt = signedAt;
    String[] members = members(body);
    this.eventId = members[0];
    // Only an event has an event type; a callback's top-level "type" is its transaction's (Withdrawal, say).
    this.type = eventId == null ? null : members[1];
    this.dataType = members[2];
  }

  /** The event's {@code event_id}, the same on every delivery; null for a callback, which has none. */
  public @Nullable String eventId() {
    return eventId;
  }

  /**
   * The event's {@code type}, e.g. {@code wallets.transaction.updated}; null for a callback (a message without {@code
   * event_id}), which is a transaction: its own {@code type}, e.g. {@code Withdrawal}, is {@code member("type")}.
   */
  public @Nullable String type() {
    return type;
  }

  /** The event's {@code data.data_type}, e.g. {@code Transaction}; null when absent. */
  public @Nullable String dataType() {
    return dataType;
  }

  /**
   * A top-level member of the body as text, e.g. {@code transaction_id} or {@code request_id} of a callback's
   * transaction, read without a generated class (whose names a spec decides).
   *
   * @return the member's string, or a number's or boolean's text; null when absent, null, an object or an array
   */
  public @Nullable String member(String name) {
    Objects.requireNonNull(name, "name");
    try {
      JsonReader reader = JsonReader.of(new Buffer().write(body));
      reader.beginObject();
      while (reader.hasNext()) {
        if (!reader.nextName().equals(name)) {
          reader.skipValue();
          continue;
        }
        switch (reader.peek()) {
          case STRING:
          case NUMBER:
            return reader.nextString();
          case BOOLEAN:
            return Boolean.toString(reader.nextBoolean());
          default:
            return null;
        }
      }
    } catch (IOException | RuntimeException e) {
      // verify() admits JSON objects only; a body that breaks further in has no such member to read
    }
    return null;
  }

  /** When Cobo signed it ({@code BIZ_TIMESTAMP}). */
  public Instant signedAt() {
    return signedAt;
  }

  /** The raw body, exactly as signed. */
  public byte[] body() {
    return body.clone();
  }

  /** The body as UTF-8 text. */
  public String json() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * Reads the body as {@code type}, a generated model such as {@code WebhookEvent} or {@code Transaction}.
   *
   * @throws MalformedResponseException if the body is not that type's JSON
   */
  public <T> T as(Class<T> type) {
    Objects.requireNonNull(type, "type");
    try {
      T value = JsonSupport.moshi().adapter(type).fromJson(new Buffer().write(body));
      if (value == null) {
        throw new MalformedResponseException("The message body is JSON null, not a " + type.getSimpleName(), null);
      }
      return value;
    } catch (IOException | JsonDataException e) {
      throw new MalformedResponseException(
          "The message body is not a " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** {@code event_id}, {@code type} and {@code data.data_type} of a JSON object; nulls where absent. */
  private static @Nullable String[] members(byte[] body) {
    @Nullable String[] out = new String[3];
    try {
      JsonReader reader = JsonReader.of(new Buffer().write(body));
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        return out;
      }
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        if (name.equals("event_id") && reader.peek() == JsonReader.Token.STRING) {
          out[0] = reader.nextString();
        } else if (name.equals("type") && reader.peek() == JsonReader.Token.STRING) {
          out[1] = reader.nextString();
        } else if (name.equals("data") && reader.peek() == JsonReader.Token.BEGIN_OBJECT) {
          reader.beginObject();
          while (reader.hasNext()) {
            if (reader.nextName().equals("data_type") && reader.peek() == JsonReader.Token.STRING) {
              out[2] = reader.nextString();
            } else {
              reader.skipValue();
            }
          }
          reader.endObject();
        } else {
          reader.skipValue();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not a JSON object: the receiver refuses it as NOT_AN_EVENT
    }
    return out;
  }

  /** Names the event, never its content. */
  @Override
  public String toString() {
    return "VerifiedMessage{eventId=" + eventId + ", type=" + type + ", dataType=" + dataType + ", signedAt="
        + signedAt + ", " + body.length + " bytes}";
  }
}
