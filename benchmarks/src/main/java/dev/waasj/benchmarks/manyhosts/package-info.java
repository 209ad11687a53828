/**
 * The multi-process soak of {@code benchmarks/many-hosts.sh}: several JVMs share one organization's token state
 * through PostgreSQL or Redis while the emulator, in the orchestrating process, issues tokens that expire every few
 * seconds and counts every token request.
 */
@NullMarked
package dev.waasj.benchmarks.manyhosts;

import org.jspecify.annotations.NullMarked;
