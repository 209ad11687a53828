package dev.waasj.errors;

/**
 * A response object lacks a field the spec calls required, and the caller read it. The SDK reads responses
 * leniently, so one such item does not fail a whole page; the gap surfaces here, where the value is needed. Call the
 * model's {@code validate()} to check every required field at once.
 */
public class MissingFieldException extends MalformedResponseException {
  private static final long serialVersionUID = 1L;

  private final String model;
  private final String field;

  /**
   * Creates the exception.
   *
   * @param model the generated class, e.g. {@code Transaction}
   * @param field the JSON name of the missing field, e.g. {@code transaction_id}
   */
  public MissingFieldException(String model, String field) {
    super(model + "." + field + " is required by the API spec but was absent from the response", null);
    this.model = model;
    this.field = field;
  }

  /** The generated class whose field is missing. */
  public String model() {
    return model;
  }

  /** The JSON name of the missing field. */
  public String field() {
    return field;
  }
}
