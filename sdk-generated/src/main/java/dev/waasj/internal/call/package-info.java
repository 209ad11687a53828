/**
 * Retrofit call adapters that give every generated operation its synchronous and {@code CompletableFuture} forms,
 * check required arguments before anything is sent, and turn every failure into the SDK's typed exceptions. Not API: public only so generated code and the
 * SDK's other modules can reach them; they may change or vanish in any release, without notice (as OkHttp's {@code
 * okhttp3.internal}).
 */
@NullMarked
package dev.waasj.internal.call;

import org.jspecify.annotations.NullMarked;
