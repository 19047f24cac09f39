/**
 * drizzle-kit's migrations folder (0.31 layout, sqlite dialect) as files on disk: the journal
 * ({@code meta/_journal.json}), one snapshot per migration ({@code meta/NNNN_snapshot.json}) and
 * the SQL files, read and checked for consistency ({@link dev.nanoka.folder.MigrationFolder}),
 * and written back byte for byte as drizzle-kit writes them. The processor writes the folder
 * through these types; the CLI's check and review read it through the same ones, so what the
 * build accepts and what CI checks cannot drift apart. Nothing here is an API.
 */
package dev.nanoka.folder;
