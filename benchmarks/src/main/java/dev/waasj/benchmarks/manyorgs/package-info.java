/** Many organizations of one app in one JVM: memory, view cost and throughput (see {@code many-orgs.sh}). */
@NullMarked
package dev.waasj.benchmarks.manyorgs;

import org.jspecify.annotations.NullMarked;
