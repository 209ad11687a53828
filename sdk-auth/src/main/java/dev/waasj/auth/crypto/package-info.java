/**
 * Small, allocation-conscious primitives shared by request signing and response verification: lower-case hex
 * and the double SHA-256 that Cobo signs instead of the raw string.
 */
@NullMarked
package dev.waasj.auth.crypto;

import org.jspecify.annotations.NullMarked;
