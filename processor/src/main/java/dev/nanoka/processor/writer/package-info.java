/**
 * Everything that turns finished text or schema into files: schema.ts and the migrations in the
 * project ({@code ProjectFileWriter}, unchanged files left alone), and, through javac's
 * {@code Filer}, the generated classes and class-path resources the runtime reads
 * ({@code SchemaClassWriter}, {@code MigrationIndexWriter}, written with JavaPoet).
 */
package dev.nanoka.processor.writer;
