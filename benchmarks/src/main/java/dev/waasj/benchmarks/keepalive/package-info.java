/** Keep-alive over a simulated month: processes sharing PostgreSQL keep idle organizations authorized. */
@NullMarked
package dev.waasj.benchmarks.keepalive;

import org.jspecify.annotations.NullMarked;
