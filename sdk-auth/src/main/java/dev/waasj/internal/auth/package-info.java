/**
 * Internals of the SDK's hand-written modules. Not API: public only so the SDK's own packages can share them; they
 * may change or vanish in any release, without notice.
 */
@NullMarked
package dev.waasj.internal.auth;

import org.jspecify.annotations.NullMarked;
