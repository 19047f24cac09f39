package dev.nanoka.processor.model;

/** The Java value types a column can hold directly, as the type mapper classifies them. */
public enum JavaScalar {
  STRING("String"),
  UUID("UUID"),
  BYTE("byte"),
  SHORT("short"),
  INT("int"),
  LONG("long"),
  FLOAT("float"),
  DOUBLE("double"),
  BOOLEAN("boolean"),
  INSTANT("Instant"),
  BIG_DECIMAL("BigDecimal"),
  BYTES("byte[]"),
  ENUM("enum"),
  JSON("JSON");

  private final String display;

  JavaScalar(String display) {
    this.display = display;
  }

  /** How messages name the type. */
  public String display() {
    return display;
  }

  /** Whether a whole-number type, whose defaults must fit {@link #min()}..{@link #max()}. */
  public boolean isWholeNumber() {
    return this == BYTE || this == SHORT || this == INT || this == LONG;
  }

  public long min() {
    return switch (this) {
      case BYTE -> Byte.MIN_VALUE;
      case SHORT -> Short.MIN_VALUE;
      case INT -> Integer.MIN_VALUE;
      default -> Long.MIN_VALUE;
    };
  }

  public long max() {
    return switch (this) {
      case BYTE -> Byte.MAX_VALUE;
      case SHORT -> Short.MAX_VALUE;
      case INT -> Integer.MAX_VALUE;
      default -> Long.MAX_VALUE;
    };
  }
}
