package dev.nanoka.processor;

/**
 * One diagnostic as the user reads it, made by a factory of {@link ModelMessages} or
 * {@link SchemaMessages}.
 *
 * @param message its kind (and tag)
 * @param text the whole text, starting with the tag, e.g.
 *     {@code [NanokaNoPrimaryKey] User has no primary key. …}
 */
public record MessageText(Message message, String text) {

  public MessageText {
    if (!text.startsWith(message.tag() + " ")) {
      throw new IllegalArgumentException("a text of " + message + " starts with its tag: " + text);
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
