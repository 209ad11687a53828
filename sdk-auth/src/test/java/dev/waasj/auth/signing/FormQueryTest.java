package dev.waasj.auth.signing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormQueryTest {
  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "a=1&b=2                    | a=1&b=2",
        "b=2&a=1                    | b=2&a=1", // order kept
        "q=hello%20world            | q=hello+world",
        "q=hello+world              | q=hello+world",
        "q=a%2Bb                    | q=a%2Bb", // a literal plus stays escaped
        "q=a~b                      | q=a~b",
        "q=a%7Eb                    | q=a~b",
        "q=a*b                      | q=a%2Ab",
        "q=a/b                      | q=a%2Fb",
        "q=a:b@c                    | q=a%3Ab%40c",
        "q=%e6%97%a5                | q=%E6%97%A5", // escapes upper-cased
        "q=%FF                      | q=%FF", // not valid UTF-8, kept byte for byte
        "q=1=2                      | q=1%3D2",
        "q=100%                     | q=100%25", // a stray percent is a literal percent
        "q=%zz                      | q=%25zz",
        "flag                       | flag", // no '=' stays without one
        "flag=                      | flag=",
        "a=1&&b=2                   | a=1&b=2",
        "na%20me=v                  | na+me=v",
        "'q=a,b;c'                  | q=a%2Cb%3Bc",
        "q=-_.                      | q=-_.",
      })
  void canonicalizes(String input, String expected) {
    assertThat(FormQuery.canonicalize(input)).isEqualTo(expected);
  }

  @Test
  void encodesNonAsciiAsUtf8() {
    assertThat(FormQuery.canonicalize("q=caf\u00e9\uD83D\uDE00")).isEqualTo("q=caf%C3%A9%F0%9F%98%80");
  }

  @Test
  void emptyQueryStaysEmpty() {
    assertThat(FormQuery.canonicalize("")).isEmpty();
  }

  @Test
  void returnsTheSameInstanceWhenAlreadyCanonical() {
    String canonical = "client_id=abc&org_id=e3986401-4aec";
    assertThat(FormQuery.canonicalize(canonical)).isSameAs(canonical);
  }
}
