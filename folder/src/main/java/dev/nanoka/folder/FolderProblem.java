package dev.nanoka.folder;

import java.nio.file.Path;

/**
 * One problem found in a migrations folder: the file it is about and what is wrong, written to
 * follow the file's name ({@code "<file> has git conflict markers …"}).
 *
 * @param file the file (or folder) the problem is about
 * @param text what is wrong, as a predicate of the file
 */
public record FolderProblem(Path file, String text) {}
