/**
 * The prototyping loop of Prisma's {@code db push}: make a development database match the models
 * directly (no migration files, no history), refuse changes that would lose data unless accepted,
 * detect drift between a database and its migration history, and reset.
 */
package dev.nanoka.runtime.push;
