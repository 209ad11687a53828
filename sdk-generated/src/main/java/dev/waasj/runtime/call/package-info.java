/**
 * Retrofit call adapters that give every generated operation its synchronous and {@code CompletableFuture} forms,
 * check required arguments before anything is sent, and turn every failure into the SDK's typed exceptions.
 */
@NullMarked
package dev.waasj.runtime.call;

import org.jspecify.annotations.NullMarked;
