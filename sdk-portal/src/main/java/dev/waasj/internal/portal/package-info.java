/** sdk-portal's internals: the JWKS cache and the strict query parser. Not API. */
@NullMarked
package dev.waasj.internal.portal;

import org.jspecify.annotations.NullMarked;
