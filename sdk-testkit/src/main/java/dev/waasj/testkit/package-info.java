/**
 * A loopback emulator of the Cobo WaaS 2 OAuth endpoints for tests and offline runs.
 *
 * <p>Start one with {@link dev.waasj.testkit.CoboEmulator#builder()}, or let JUnit 5 manage it with {@link
 * dev.waasj.testkit.CoboEmulatorExtension}. The emulator checks request signatures, issues and rotates org tokens,
 * signs its responses, injects {@link dev.waasj.testkit.Fault faults} on demand and records every request it saw.
 *
 * <p>This package deliberately shares no code with the SDK: its canonical string and signature checks are an
 * independent implementation on the JDK's own Ed25519, so a bug in the client cannot hide behind the same bug here.
 */
@NullMarked
package dev.waasj.testkit;

import org.jspecify.annotations.NullMarked;
