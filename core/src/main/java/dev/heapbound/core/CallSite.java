package dev.heapbound.core;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A place in the code: class, method, source file and line, as a stack trace shows them.
 *
 * @param className the binary name of the class, as in {@code com.example.ReportService}
 * @param methodName the method's name, {@code <init>} for a constructor and {@code <clinit>} for a
 *     static initializer
 * @param fileName the source file's name, or {@code null} when the class file does not record it
 * @param lineNumber the line in the source file, or a negative number when it is not known
 */
public record CallSite(String className, String methodName, String fileName, int lineNumber) {

  private static final StackWalker WALKER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  public CallSite {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(methodName, "methodName");
  }

  /**
   * Returns the innermost frame of the current thread's stack whose class {@code skip} rejects,
   * leaving out this class and the caller of this method if {@code skip} accepts it. Returns {@code
   * null} when every frame is skipped.
   *
   * <p>Walking the stack costs a few microseconds, so callers on a hot path sample it.
   */
  public static CallSite capture(Predicate<Class<?>> skip) {
    Objects.requireNonNull(skip, "skip");
    return WALKER.walk(
        frames ->
            frames
                .filter(frame -> frame.getDeclaringClass() != CallSite.class)
                .filter(frame -> !skip.test(frame.getDeclaringClass()))
                .findFirst()
                .map(CallSite::of)
                .orElse(null));
  }

  /** Returns the site of a stack frame. */
  public static CallSite of(StackWalker.StackFrame frame) {
    return new CallSite(
        frame.getClassName(), frame.getMethodName(), frame.getFileName(), frame.getLineNumber());
  }

  /** Returns the site of a stack trace element. */
  public static CallSite of(StackTraceElement element) {
    return new CallSite(
        element.getClassName(),
        element.getMethodName(),
        element.getFileName(),
        element.getLineNumber());
  }

  /** Returns the class name without its package, as in {@code ReportService$Loader}. */
  public String simpleClassName() {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /**
   * Formats the site as a stack trace does, as in {@code
   * com.example.ReportService.generate(ReportService.java:42)}, or {@code
   * com.example.ReportService.generate(line 42)} when only the line is known.
   */
  @Override
  public String toString() {
    String location;
    if (fileName == null) {
      location = lineNumber >= 0 ? "line " + lineNumber : "Unknown Source";
    } else if (lineNumber >= 0) {
      location = fileName + ":" + lineNumber;
    } else {
      location = fileName;
    }
    return className + "." + methodName + "(" + location + ")";
  }
}
