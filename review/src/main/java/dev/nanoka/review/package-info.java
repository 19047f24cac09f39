/**
 * Reviewing a migrations folder as CI and a reviewer do, with no database server: whether a
 * checkout is consistent ({@code check}), what each migration added since a base does in a
 * reviewer's words ({@code review}), and the lint rules (D1's limits, risky changes), each with
 * a stable id and severity. The CLI's {@code check} and {@code review} commands print what these
 * types return; a build tool plugin or a test can call them directly.
 */
package dev.nanoka.review;
