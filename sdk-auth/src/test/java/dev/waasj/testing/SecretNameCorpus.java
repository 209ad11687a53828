package dev.waasj.testing;

import dev.waasj.internal.redaction.SecretNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names to hold every redaction in the SDK to the one rule with: the rule's own words, look-alikes, headers, every
 * property and parameter name of the spec the SDK was generated from, and each in other spellings.
 */
public final class SecretNameCorpus {
  private static final Pattern YAML_KEY = Pattern.compile("(?m)^\\s+(?:- name: )?([A-Za-z][A-Za-z0-9_-]*):?\\s*$");

  private SecretNameCorpus() {}

  public static Set<String> names() {
    Set<String> base = new TreeSet<>();
    base.addAll(SecretNames.SECRET_ANYWHERE);
    base.addAll(SecretNames.SECRET_LAST);
    base.addAll(SecretNames.SECRET_HEADERS);
    for (String word : SecretNames.SECRET_ANYWHERE) {
      base.add(word + "_id");
      base.add("x_" + word + "_y");
      base.add(word + "s");
    }
    for (String word : SecretNames.SECRET_LAST) {
      base.add(word + "_type");
      base.add(word + "_id");
      base.add("approval_" + word);
      base.add(word + "s");
    }
    base.addAll(
        Set.of(
            "BIZ-API-SIGNATURE", "BIZ_RESP_SIGNATURE", "Biz-Resp-Signature", "BIZ_TIMESTAMP", "Content-Type",
            "Retry-After", "User-Agent", "X-Csrf-Token", "tokenType", "accessToken", "privateKey", "secretive",
            "signature_detail", "token", "seed_id", "client_id", "org_id", "expires_in", ""));
    base.addAll(specNames());
    Set<String> all = new TreeSet<>(base);
    for (String name : base) {
      all.add(name.toUpperCase(Locale.ROOT));
      all.add(camel(name));
      all.add(name.replace('_', '-'));
    }
    return all;
  }

  private static Set<String> specNames() {
    try (InputStream in =
        SecretNameCorpus.class.getClassLoader().getResourceAsStream("dev/waasj/generated/openapi.yaml")) {
      if (in == null) {
        throw new IllegalStateException("the generated module's spec resource is missing");
      }
      Matcher m = YAML_KEY.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      Set<String> names = new TreeSet<>();
      while (m.find()) {
        names.add(m.group(1));
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String camel(String name) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if (c == '_' || c == '-') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }
}
