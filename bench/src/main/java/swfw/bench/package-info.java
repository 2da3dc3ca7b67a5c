/** JMH benchmarks; see bench/README.md. */
package swfw.bench;
