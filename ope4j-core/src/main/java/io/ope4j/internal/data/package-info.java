/**
 * Reduction of wide per-action rows to the narrow values estimators read.
 *
 * <p>Not part of the public API: implementation shared by the ope4j modules, which may change in
 * any release.
 */
package io.ope4j.internal.data;
