/**
 * Runnable examples of the SDK's surface, each a small program to copy: the token endpoint called directly
 * ({@link dev.waasj.examples.GetTokenExample}, {@link dev.waasj.examples.RefreshTokenExample}), the token manager
 * ({@link dev.waasj.examples.TokenManagerExample}), the operations integrations come for
 * ({@link dev.waasj.examples.ListWalletsExample}, {@link dev.waasj.examples.GetTransactionExample},
 * {@link dev.waasj.examples.TransferExample}), and {@link dev.waasj.examples.QuickStart}, the README's main job.
 * They compile against the SDK built from our own spec and from the vendor's, so they use only names both share.
 */
@NullMarked
package dev.waasj.examples;

import org.jspecify.annotations.NullMarked;
