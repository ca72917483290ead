/**
 * The one executor of ordered chunks behind every multi-threaded pass.
 *
 * <p>Not part of the public API: implementation shared by the ope4j modules, which may change in
 * any release.
 */
package io.ope4j.internal.concurrent;
