/**
 * The one rule for which names hold secrets, and the one marker that replaces their values, shared by generated
 * models' {@code toString()}, the client's HTTP logging and (by a copy the SDK's tests hold equal to it) the test
 * kit's emulator. Not API: public only so the SDK's modules can share it; it may change in any release.
 */
@NullMarked
package dev.waasj.internal.redaction;

import org.jspecify.annotations.NullMarked;
