/**
 * JSON support generated models call: the Moshi instance, adapters for {@code java.time}, {@link
 * java.math.BigDecimal} and friends, {@code oneOf} reading, model checks. Hand-written, so that generated output
 * stays templates only. Not API: public only so generated code and the
 * SDK's other modules can reach them; they may change or vanish in any release, without notice (as OkHttp's {@code
 * okhttp3.internal}).
 */
@NullMarked
package dev.waasj.internal.json;

import org.jspecify.annotations.NullMarked;
