package dev.waasj.spring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a text holds an API secret, whole or in part: any {@value #RUN} characters in a row of its key material,
 * the hex digits of a hex secret (in either case) or the base64 body of a PEM secret, however the text breaks its
 * lines (real line breaks, JSON's or a shell's {@code \n}, none). A secret inside a longer value, such as the
 * command line in {@code sun.java.command} or the JSON of {@code SPRING_APPLICATION_JSON}, is found; a random run of
 * {@value #RUN} hex or base64 characters matches another value by chance with odds of 2<sup>-64</sup> or less.
 */
final class SecretRuns {
  /** 16 hex digits are 64 bits, 16 base64 characters 96: long enough never to match by chance. */
  static final int RUN = 16;

  private static final Pattern PEM_BODY = Pattern.compile("-----BEGIN [^-]*-----(.*?)(?:-----END|$)", Pattern.DOTALL);
  private static final Pattern BREAKS = Pattern.compile("\\\\[nr]|\\s");

  private final String secret;
  private final boolean hex;
  private final List<String> runs;

  private SecretRuns(String secret, boolean hex, List<String> runs) {
    this.secret = secret;
    this.hex = hex;
    this.runs = runs;
  }

  /** The runs of {@code secret}: hex, or PEM text. */
  static SecretRuns of(String secret) {
    Matcher pem = PEM_BODY.matcher(secret);
    boolean isPem = pem.find();
    String material = isPem ? flatten(pem.group(1)) : flatten(secret).toLowerCase(Locale.ROOT);
    List<String> runs = new ArrayList<>();
    for (int i = 0; i + RUN <= material.length(); i++) {
      runs.add(material.substring(i, i + RUN));
    }
    if (runs.isEmpty() && !material.isEmpty()) {
      runs.add(material); // too short to be a key; still never shown
    }
    return new SecretRuns(secret, !isPem, List.copyOf(runs));
  }

  /** Whether these are the runs of {@code secret}, so a caller can keep them while the secret stays the same. */
  boolean isOf(String secret) {
    return this.secret.equals(secret);
  }

  /** Whether {@code text} holds a run of the secret. */
  boolean foundIn(String text) {
    String flat = flatten(text);
    String candidate = hex ? flat.toLowerCase(Locale.ROOT) : flat;
    for (String run : runs) {
      if (candidate.contains(run)) {
        return true;
      }
    }
    return false;
  }

  /** Without line breaks, escaped or real, and other white space. */
  private static String flatten(String text) {
    return BREAKS.matcher(text).replaceAll("");
  }

  @Override
  public String toString() {
    return "SecretRuns{" + runs.size() + " runs}"; // never the runs
  }
}
