package io.ope4j.data;

/**
 * Something a user wrote is wrong: a data file ({@link InvalidDataException}) or the text of an
 * option, spec or setting ({@link UsageException}). The message says what and where, so a
 * command line prints it as it is and exits with the "bad input" code. It is an
 * {@link IllegalArgumentException} so that library callers who pass the same text through the
 * Java API see the usual type; an {@code IllegalArgumentException} that is not a
 * {@code UserInputException} is a broken API precondition, i.e. a bug in the caller.
 */
public abstract class UserInputException extends IllegalArgumentException {

  protected UserInputException(String message) {
    super(message);
  }

  protected UserInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
