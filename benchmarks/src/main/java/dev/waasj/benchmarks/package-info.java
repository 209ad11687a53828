/**
 * JMH benchmarks: our request signing and response verification against raw Bouncy Castle and JDK Ed25519, to
 * show what the SDK adds on top of the signature primitive itself.
 */
@NullMarked
package dev.waasj.benchmarks;

import org.jspecify.annotations.NullMarked;
