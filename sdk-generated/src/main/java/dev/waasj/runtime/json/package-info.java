/**
 * JSON support for generated models: the Moshi instance ({@link dev.waasj.runtime.json.JsonSupport}), adapters for
 * {@code java.time}, {@link java.math.BigDecimal} and friends, and the helpers generated code calls. Hand-written,
 * so that generated output stays templates only.
 */
@NullMarked
package dev.waasj.runtime.json;

import org.jspecify.annotations.NullMarked;
