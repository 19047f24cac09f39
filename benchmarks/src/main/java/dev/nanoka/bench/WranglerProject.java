package dev.nanoka.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A wrangler project for {@code wrangler d1 … --local}: one D1 binding, database {@code bench},
 * its migrations in {@code migrations/}. Figures 4 and 6 run wrangler in one.
 */
final class WranglerProject {

  static final String DATABASE = "bench";

  /** wrangler without prompts, telemetry or colours. */
  static final Map<String, String> ENVIRONMENT =
      Map.of("CI", "true", "WRANGLER_SEND_METRICS", "false", "NO_COLOR", "1");

  private WranglerProject() {}

  /** Writes {@code project/wrangler.jsonc}; the migrations go in {@code project/migrations}. */
  static void write(Path project) throws IOException {
    Files.createDirectories(project);
    Files.writeString(project.resolve("wrangler.jsonc"), """
        {
          "name": "nanoka-bench",
          "compatibility_date": "2025-01-01",
          "d1_databases": [
            {
              "binding": "DB",
              "database_name": "%s",
              "database_id": "00000000-0000-0000-0000-000000000000",
              "migrations_dir": "migrations"
            }
          ]
        }
        """.formatted(DATABASE));
  }
}
