/**
 * JSON as the SDK reads and writes it: {@link dev.waasj.json.CoboJson} (the configured Moshi, to store or log a
 * model as the server would write it), {@link dev.waasj.json.Validatable} (every generated model's {@code
 * validate()}) and {@link dev.waasj.json.JsonValues} (reading the raw JSON an {@code Unknown} shape keeps).
 */
@NullMarked
package dev.waasj.json;

import org.jspecify.annotations.NullMarked;
