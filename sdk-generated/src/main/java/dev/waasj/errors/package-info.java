/**
 * The SDK's unchecked exception hierarchy. Every failure of a call surfaces as a {@link dev.waasj.errors.CoboException}:
 * an {@link dev.waasj.errors.CoboApiException} (the server answered with an error status), a
 * {@link dev.waasj.errors.ResponseSignatureException} (the answer could not be proven to come from Cobo), a
 * {@link dev.waasj.errors.MalformedResponseException} (a success status with an unreadable body) or a
 * {@link dev.waasj.errors.CoboTransportException} (no answer at all). Synchronous calls throw them; asynchronous calls
 * complete exceptionally with the same types. No message ever contains a secret, a signature or a token.
 */
@NullMarked
package dev.waasj.errors;

import org.jspecify.annotations.NullMarked;
