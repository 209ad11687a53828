/**
 * Primitives shared by request signing, response verification and webhooks: lower-case hex and the double
 * SHA-256 that Cobo signs instead of the raw string. Not API: public only so generated code and the
 * SDK's other modules can reach them; they may change or vanish in any release, without notice (as OkHttp's {@code
 * okhttp3.internal}).
 */
@NullMarked
package dev.waasj.internal.crypto;

import org.jspecify.annotations.NullMarked;
