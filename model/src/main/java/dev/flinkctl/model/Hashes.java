package dev.flinkctl.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

public final class Hashes {
  private Hashes() {}

  /** A short stable hash of a map's entries, independent of insertion order. */
  public static String of(Map<String, String> entries) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      SortedMap<String, String> sorted = new TreeMap<>(entries);
      sorted.forEach((k, v) -> {
        md.update(k.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(v.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      });
      return HexFormat.of().formatHex(md.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
