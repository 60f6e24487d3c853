package dev.heapbound.core;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of memory in bytes, with binary units: one kilobyte is 1,024 bytes and one megabyte is
 * 1,048,576 bytes, as in JVM flags such as {@code -Xmx64m}.
 *
 * <p>{@link #parse} accepts the forms that Spring's {@code DataSize} and JVM flags use: {@code
 * "512"}, {@code "512B"}, {@code "64KB"}, {@code "256MB"}, {@code "1GB"}, and the single-letter
 * forms {@code "64k"}, {@code "256m"}, {@code "1g"}, in any case.
 */
public final class DataSize implements Comparable<DataSize> {

  private static final long KB = 1024;
  private static final long MB = KB * 1024;
  private static final long GB = MB * 1024;
  private static final Pattern FORMAT =
      Pattern.compile("^\\s*(\\d+)\\s*([KMGT]?B?)\\s*$", Pattern.CASE_INSENSITIVE);

  private final long bytes;

  private DataSize(long bytes) {
    this.bytes = bytes;
  }

  /**
   * Returns a size of {@code bytes} bytes.
   *
   * @throws IllegalArgumentException if {@code bytes} is negative
   */
  public static DataSize ofBytes(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("size must not be negative: " + bytes + " bytes");
    }
    return new DataSize(bytes);
  }

  public static DataSize ofKilobytes(long kilobytes) {
    return ofBytes(Math.multiplyExact(kilobytes, KB));
  }

  public static DataSize ofMegabytes(long megabytes) {
    return ofBytes(Math.multiplyExact(megabytes, MB));
  }

  public static DataSize ofGigabytes(long gigabytes) {
    return ofBytes(Math.multiplyExact(gigabytes, GB));
  }

  /**
   * Parses a size such as {@code "256MB"}.
   *
   * @throws IllegalArgumentException if the text is not a whole number with an optional unit of B,
   *     KB, MB, GB or TB, or if it overflows a {@code long}
   */
  public static DataSize parse(CharSequence text) {
    Objects.requireNonNull(text, "text");
    Matcher matcher = FORMAT.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "invalid data size '" + text + "'; write a whole number and a unit, such as 256MB");
    }
    try {
      long amount = Long.parseLong(matcher.group(1));
      String unit = matcher.group(2).toUpperCase(Locale.ROOT);
      switch (unit.isEmpty() ? 'B' : unit.charAt(0)) {
        case 'K':
          return ofBytes(Math.multiplyExact(amount, KB));
        case 'M':
          return ofBytes(Math.multiplyExact(amount, MB));
        case 'G':
          return ofBytes(Math.multiplyExact(amount, GB));
        case 'T':
          return ofBytes(Math.multiplyExact(amount, GB * 1024));
        default:
          return ofBytes(amount);
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException(
          "invalid data size '" + text + "'; it exceeds " + Long.MAX_VALUE + " bytes", e);
    }
  }

  public long toBytes() {
    return bytes;
  }

  /**
   * Formats a byte count for people: a whole number of GB, MB or KB when it is one, else the bytes
   * with thousands separators, as in {@code 64 MB} or {@code 1,048,664 bytes}.
   */
  public static String format(long bytes) {
    if (bytes != 0 && bytes % GB == 0) {
      return bytes / GB + " GB";
    } else if (bytes != 0 && bytes % MB == 0) {
      return bytes / MB + " MB";
    } else if (bytes != 0 && bytes % KB == 0) {
      return bytes / KB + " KB";
    }
    return String.format(Locale.ROOT, "%,d bytes", bytes);
  }

  @Override
  public int compareTo(DataSize other) {
    return Long.compare(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DataSize && ((DataSize) other).bytes == bytes;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(bytes);
  }

  @Override
  public String toString() {
    return format(bytes);
  }
}
