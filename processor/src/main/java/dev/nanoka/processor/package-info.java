/**
 * The annotation processor: {@link dev.nanoka.processor.NanokaProcessor} and what every step
 * shares. A compile goes one way: the options ({@code ProcessorOptions}) and the annotated
 * elements decide which schemas to generate ({@code SchemaPlanner}); the readers of
 * {@code model} turn each schema's records into the core's schema model; {@code ts} renders
 * schema.ts and {@code migrate} plans the migration against the folder; {@code writer} writes
 * the files, only when no error was reported.
 *
 * <p>Every problem goes through {@link dev.nanoka.processor.Diagnostics}, at the element and
 * annotation value to change. Its kinds and stable tags are {@link dev.nanoka.processor.Message};
 * its texts are made by {@link dev.nanoka.processor.ModelMessages} and
 * {@link dev.nanoka.processor.SchemaMessages}. The classes that read javac's source trees
 * ({@code SourceLocator}, {@code LocalModels}, {@code UnresolvedAnnotations}) are only loaded
 * under javac, through {@code JavacTrees}.
 */
package dev.nanoka.processor;
