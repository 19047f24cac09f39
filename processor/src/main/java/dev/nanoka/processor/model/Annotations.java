package dev.nanoka.processor.model;

/** The qualified names of the annotations the processor reads. */
public final class Annotations {
  public static final String MODEL = "dev.nanoka.Model";
  public static final String FIELD = "dev.nanoka.Field";
  public static final String INDEX = "dev.nanoka.Index";
  public static final String INDEXES = "dev.nanoka.Indexes";
  public static final String SCHEMA = "dev.nanoka.Schema";

  /** {@code Field.NO_DEFAULT}, the "no default" marker. */
  public static final String NO_DEFAULT = dev.nanoka.Field.NO_DEFAULT;

  private Annotations() {}
}
