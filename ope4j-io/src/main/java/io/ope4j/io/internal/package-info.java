/**
 * The CSV record scanner, the exact number parser and gzip detection under the readers.
 *
 * <p>Not part of the public API: implementation shared by the ope4j modules, which may change in
 * any release.
 */
package io.ope4j.io.internal;
