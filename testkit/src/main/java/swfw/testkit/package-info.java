/** Test support: network namespaces as hosts, Docker's rules recreated, packet probes. Used by tests only. */
package swfw.testkit;
