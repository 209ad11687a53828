/**
 * Runnable examples of the SDK's surface: one per generated operation ({@link dev.waasj.examples.GetTokenExample},
 * {@link dev.waasj.examples.RefreshTokenExample}), one for the token manager
 * ({@link dev.waasj.examples.TokenManagerExample}), and {@link dev.waasj.examples.QuickStart}, the README's main job.
 */
@NullMarked
package dev.waasj.examples;

import org.jspecify.annotations.NullMarked;
