/**
 * JMH benchmarks of the toolkit against the sandbox, and the small programs bench/run.sh uses (a
 * sandbox to time cold starts against, and the report that prints the ratios). See
 * docs/performance.md.
 */
package io.asmkit.benchmarks;
