package dev.nanoka.cli;

import dev.nanoka.review.Review;
import dev.nanoka.review.ReviewBase;
import dev.nanoka.review.ReviewException;
import dev.nanoka.review.ReviewFormat;
import dev.nanoka.review.ReviewReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "review", mixinStandardHelpOptions = true,
    description = "Says what each migration added since a base does (tables and columns added,"
        + " dropped, renamed; rebuilds and the tables they move; data loss; hand edits) and lints"
        + " it for what D1 refuses and what is risky. Needs no database. Exit code 1 when a"
        + " finding is an error, 4 when the folder or the base cannot be read.")
final class ReviewCommand implements Callable<Integer> {

  @Option(names = "--dir", paramLabel = "FOLDER", defaultValue = "drizzle/migrations",
      description = "The migrations folder (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(names = "--from", paramLabel = "FOLDER|REF",
      description = "The base: another checkout's migrations folder, or a git commit of this"
          + " repository (origin/main, a tag, a hash). Migrations the base lacks, or has with"
          + " other content, are reviewed. Default: every migration.")
  String from;

  @Option(names = "--format", paramLabel = "text|markdown|json", defaultValue = "text",
      converter = FormatConverter.class,
      description = "text (a terminal), markdown (a pull request comment) or json (default:"
          + " ${DEFAULT-VALUE}).")
  ReviewFormat format;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws CliException {
    ReviewReport report;
    try {
      report = Review.of(dir, from == null ? ReviewBase.none() : ReviewBase.of(dir, from));
    } catch (ReviewException e) {
      if (format == ReviewFormat.MARKDOWN) {
        // CI posts stdout as the pull request comment: say there why there is no review.
        PrintWriter out = spec.commandLine().getOut();
        out.print("## Schema review\n\n❌ The review could not run: " + e.getMessage() + "\n");
        out.flush();
      }
      throw new CliException(4, e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(format.render(report));
    out.flush(); // picocli's writer flushes on println only, and main exits right after

    return report.hasErrors() ? 1 : 0;
  }

  /** Case-insensitive, with the accepted values in the message. */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<ReviewFormat> {
    @Override
    public ReviewFormat convert(String value) {
      try {
        return ReviewFormat.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException("'" + value
            + "' is not a format: use text, markdown or json");
      }
    }
  }
}
