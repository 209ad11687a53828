/** Cold start: whole processes, from JVM start to a verified answer; see {@link dev.waasj.benchmarks.coldstart.ColdStart}. */
@NullMarked
package dev.waasj.benchmarks.coldstart;

import org.jspecify.annotations.NullMarked;
