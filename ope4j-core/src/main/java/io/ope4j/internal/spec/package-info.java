/**
 * The one grammar of {@code id:name=value} specs.
 *
 * <p>Not part of the public API: implementation shared by the ope4j modules, which may change in
 * any release.
 */
package io.ope4j.internal.spec;
