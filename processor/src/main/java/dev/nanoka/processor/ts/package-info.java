/** schema.ts: the core's schema model rendered as a Drizzle ORM schema for sqlite-core. */
package dev.nanoka.processor.ts;
