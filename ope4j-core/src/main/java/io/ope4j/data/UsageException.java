package io.ope4j.data;

/**
 * User text that cannot be used: an option value, a spec such as {@code dr:clip=100} or
 * {@code logistic:C=1}, a settings file. The message names the option or spec and the value,
 * e.g. {@code --level must be in (0, 1), got 1.5}.
 */
public final class UsageException extends UserInputException {

  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * {@code failure} with {@code context} (e.g. {@code policy 'a': }) before its message, still a
   * user error if it was one and still a plain {@code IllegalArgumentException} (a bug) if not.
   */
  public static IllegalArgumentException withContext(String context, IllegalArgumentException failure) {
    String message = context + failure.getMessage();
    return failure instanceof UserInputException
        ? new UsageException(message, failure)
        : new IllegalArgumentException(message, failure);
  }
}
