package dev.heapbound.cache.child;

/** A value type that a test loads through a throwaway class loader. It uses only JDK types. */
public record Payload(String id, byte[] body) {

  /** Creates a payload, for callers that reach this class only through reflection. */
  public static Object create(String id, int size) {
    return new Payload(id, new byte[size]);
  }
}
