/** A runnable Cobo Portal app's backend on the starter and sdk-portal. */
@NullMarked
package dev.waasj.examples.portal;

import org.jspecify.annotations.NullMarked;
