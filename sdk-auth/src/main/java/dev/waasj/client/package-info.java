/**
 * The SDK's entry point: {@link dev.waasj.client.CoboClient}, built from a builder or from the environment, which
 * wires signing, response verification, retries and logging around the generated APIs.
 */
@NullMarked
package dev.waasj.client;

import org.jspecify.annotations.NullMarked;
