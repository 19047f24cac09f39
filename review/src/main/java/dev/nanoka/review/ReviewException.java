package dev.nanoka.review;

/** The folder or the base could not be read; the message names the file and what to do. */
public final class ReviewException extends Exception {

  private static final long serialVersionUID = 1L;

  public ReviewException(String message) {
    super(message);
  }

  public ReviewException(String message, Throwable cause) {
    super(message, cause);
  }
}
