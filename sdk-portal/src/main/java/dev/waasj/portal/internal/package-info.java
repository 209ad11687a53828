/** sdk-portal's internals: the JWKS cache and the strict query parser. Not API. */
@NullMarked
package dev.waasj.portal.internal;

import org.jspecify.annotations.NullMarked;
