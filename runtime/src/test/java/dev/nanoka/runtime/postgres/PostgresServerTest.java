package dev.nanoka.runtime.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When no server can be had, the tests fail saying what to install or set. */
class PostgresServerTest {

  @TempDir Path tmp;

  @Test
  void withoutBinariesOrAUrlItSaysWhatToInstallOrSet() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> PostgresServer.start(Map.of(), Optional.empty()));
    assertTrue(e.getMessage().contains("apt-get install postgresql"), e.getMessage());
    assertTrue(e.getMessage().contains("NANOKA_TEST_POSTGRES_URL=jdbc:postgresql://"),
        e.getMessage());
  }

  @Test
  void binariesThatFailAreReportedWithTheirOutput() throws Exception {
    // As root the script runs as the postgres user: it must be able to reach it.
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path initdb = Files.writeString(bin.resolve("initdb"),
        "#!/bin/sh\necho 'initdb: error: cannot be run as root' >&2\nexit 1\n");
    Files.setPosixFilePermissions(initdb, PosixFilePermissions.fromString("rwxr-xr-x"));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> PostgresServer.start(Map.of(), Optional.of(bin)));
    assertTrue(e.getMessage().startsWith("Could not start a throwaway PostgreSQL server from "
        + bin), e.getMessage());
    assertTrue(e.getMessage().contains("initdb: error: cannot be run as root"), e.getMessage());
  }

  @Test
  void aGivenUrlIsUsedAsItIs() throws Exception {
    try (PostgresServer server = PostgresServer.start(
        Map.of(PostgresServer.URL_VARIABLE, " jdbc:postgresql://db:5432/postgres?user=u "),
        Optional.empty())) {
      assertEquals("jdbc:postgresql://db:5432/postgres?user=u", server.adminUrl());
    }
  }

  @Test
  void theDatabaseReplacesTheAdminDatabaseInTheUrl() {
    assertEquals("jdbc:postgresql://h:1/t1?user=u&password=p", PostgresExtension.withDatabase(
        "jdbc:postgresql://h:1/postgres?user=u&password=p", "t1"));
    assertEquals("postgres://u:p@h:1/t1",
        new PostgresDatabase("jdbc:postgresql://h:1/t1?user=u&password=p", "t1").nodeUrl());
  }
}
