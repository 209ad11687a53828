/**
 * Verification of Cobo's response signatures: every response must carry {@code BIZ_TIMESTAMP} and
 * {@code BIZ_RESP_SIGNATURE}, an Ed25519 signature by the environment's Cobo key over
 * {@code sha256(sha256(body|timestamp))}. Anything unsigned or badly signed is rejected, except the unsigned
 * 414, 429, 502 and 503 answers that proxies in front of Cobo produce.
 *
 * <p>Nothing here turns verification off; leaving {@link dev.waasj.auth.verification.ResponseVerificationInterceptor}
 * out of a client is the only way, and must be an explicit decision of the client.
 */
@NullMarked
package dev.waasj.auth.verification;

import org.jspecify.annotations.NullMarked;
