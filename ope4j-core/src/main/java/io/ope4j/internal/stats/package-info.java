/**
 * Counter-based random numbers, compensated sums and Poisson multiplicities for the bootstrap.
 *
 * <p>Not part of the public API: implementation shared by the ope4j modules, which may change in
 * any release.
 */
package io.ope4j.internal.stats;
