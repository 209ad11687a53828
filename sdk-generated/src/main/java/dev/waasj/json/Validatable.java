package dev.waasj.json;

/** A generated model that can check its required fields; see each model's {@code validate()}. */
public interface Validatable {
  /**
   * Checks that every required field is present, here and in nested objects.
   *
   * @return this object
   * @throws dev.waasj.errors.MissingFieldException naming the first absent required field
   */
  Validatable validate();
}
