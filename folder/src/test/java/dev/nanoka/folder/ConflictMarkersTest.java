package dev.nanoka.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** git's conflict markers, as {@code git merge-file} writes them, found and resolved to ours. */
class ConflictMarkersTest {

  private static final String OURS = "{\n  \"a\": 1,\n  \"tag\": \"0001_phone\",\n  \"z\": 0\n}";
  private static final String BASE = "{\n  \"a\": 1,\n  \"tag\": \"0000\",\n  \"z\": 0\n}";
  private static final String THEIRS = "{\n  \"a\": 1,\n  \"tag\": \"0001_city\",\n  \"z\": 0\n}";

  @Test
  void oursOfATwoWayConflict() {
    String merged = Histories.gitMerge(OURS, BASE, THEIRS, false);

    assertEquals(Optional.of(new ConflictMarkers.Marker(3, "<<<<<<< HEAD")),
        ConflictMarkers.first(merged));
    assertEquals(Optional.of(OURS), ConflictMarkers.ours(merged));
  }

  @Test
  void oursOfADiff3ConflictWithCrlf() {
    String merged = Histories.gitMerge(OURS, BASE, THEIRS, true).replace("\n", "\r\n");

    assertEquals(Optional.of(new ConflictMarkers.Marker(3, "<<<<<<< HEAD")),
        ConflictMarkers.first(merged));
    assertEquals(Optional.of(OURS.replace("\n", "\r\n")), ConflictMarkers.ours(merged));
  }

  @Test
  void markersThatDoNotPairUpHaveNoOurs() {
    assertEquals(Optional.empty(), ConflictMarkers.ours("a\n<<<<<<< HEAD\nb\n"));
    assertEquals(Optional.empty(), ConflictMarkers.ours("a\n=======\nb\n>>>>>>> b\n"));
    assertEquals(Optional.empty(), ConflictMarkers.ours("<<<<<<< HEAD\n<<<<<<< HEAD\n"));
    assertEquals(Optional.of(new ConflictMarkers.Marker(2, "=======")),
        ConflictMarkers.first("a\n=======\r\nb"));
  }

  /** The byte scan of snapshots finds what the text scan finds, at the same line. */
  @Test
  void bytesAndTextAgree() {
    for (String text : List.of(Histories.gitMerge(OURS, BASE, THEIRS, true),
        Histories.gitMerge(OURS, BASE, THEIRS, false).replace("\n", "\r\n"),
        "<<<<<<< HEAD\nx", "caf\u00e9\n\u00e9\n=======\r\n", "a\n|||||||\n", "no markers\n",
        "======== eight\n -- =======\n<<<<<<<<\n>>>>>>>x\n=======  \n", "")) {
      assertEquals(ConflictMarkers.first(text),
          ConflictMarkers.first(text.getBytes(StandardCharsets.UTF_8)), text);
    }
  }

  @Test
  void lookalikesAreNoMarkers() {
    assertEquals(Optional.empty(), ConflictMarkers.first(
        "======== eight\n -- =======\n<<<<<<<<\n>>>>>>>x\n=======  \n"));
    assertEquals(Optional.of("text\n"), ConflictMarkers.ours("text\n"));
  }
}
