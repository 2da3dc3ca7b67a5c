package swfw.cli;

import java.util.List;

/** A diagnostic's notes with the label the text renderer shows: "note: …" as written, every other note a "help: …". */
final class NoteLabels {
  private NoteLabels() {}

  static String labelled(String note) {
    return note.startsWith("note: ") ? note : "help: " + note;
  }

  static List<String> labelled(List<String> notes) {
    return notes.stream().map(NoteLabels::labelled).toList();
  }
}
