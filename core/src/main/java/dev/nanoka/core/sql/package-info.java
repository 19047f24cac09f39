/**
 * SQL for SQLite and Cloudflare D1, in drizzle-kit's spelling: DDL for tables and indexes, and
 * the ordered statements of a migration, including table rebuilds that keep every row.
 */
package dev.nanoka.core.sql;
