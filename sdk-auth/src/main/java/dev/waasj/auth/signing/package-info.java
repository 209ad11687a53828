/**
 * Cobo WaaS 2 request signing.
 *
 * <p>Every request carries {@code BIZ-API-KEY}, {@code BIZ-API-NONCE} and {@code BIZ-API-SIGNATURE}: an Ed25519
 * signature over {@code sha256(sha256(METHOD|PATH|NONCE|PARAMS|BODY))}. {@link dev.waasj.auth.signing.RequestSigner}
 * holds the key (in memory with {@link dev.waasj.auth.signing.Ed25519RequestSigner}, or in an HSM/KMS with your own
 * implementation), {@link dev.waasj.auth.signing.ApiSecret} reads a hex or PEM secret once into a typed key and its
 * signer, {@link dev.waasj.auth.signing.NonceSource#forApiKey} gives every client of one API key one nonce sequence,
 * {@link dev.waasj.auth.signing.SigningInterceptor} signs each request on the wire and
 * {@link dev.waasj.auth.signing.RequestSignatures} exposes the computation itself.
 */
@NullMarked
package dev.waasj.auth.signing;

import org.jspecify.annotations.NullMarked;
