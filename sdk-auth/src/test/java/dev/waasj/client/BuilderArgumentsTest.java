package dev.waasj.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.auth.token.OrgTokenManager;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every builder refuses bad settings alike, the moment they are set: null with NullPointerException, blank or
 * negative with IllegalArgumentException, each naming the setting.
 */
class BuilderArgumentsTest {
  static Stream<Arguments> nulls() {
    return Stream.of(
        Arguments.of("clientId", (Consumer<Object>) x -> CoboClient.builder().clientId(null)),
        Arguments.of("clientId", (Consumer<Object>) x -> OrgTokenManager.builder().clientId(null)),
        Arguments.of("orgId", (Consumer<Object>) x -> CoboClient.builder().orgId(null)),
        Arguments.of("orgId", (Consumer<Object>) x -> OrgTokenManager.builder().orgId(null)),
        Arguments.of("store", (Consumer<Object>) x -> CoboClient.builder().tokenStore(null)),
        Arguments.of("store", (Consumer<Object>) x -> OrgTokenManager.builder().store(null)),
        Arguments.of("clock", (Consumer<Object>) x -> CoboClient.builder().clock(null)),
        Arguments.of("clock", (Consumer<Object>) x -> OrgTokenManager.builder().clock(null)),
        Arguments.of("baseUrl", (Consumer<Object>) x -> CoboClient.builder().baseUrl(null)),
        Arguments.of("apiSecret", (Consumer<Object>) x -> CoboClient.builder().apiSecret(null)),
        Arguments.of("userAgent", (Consumer<Object>) x -> CoboClient.builder().userAgent(null)));
  }

  static Stream<Arguments> blanks() {
    return Stream.of(
        Arguments.of("clientId", (Consumer<Object>) x -> CoboClient.builder().clientId(" ")),
        Arguments.of("clientId", (Consumer<Object>) x -> OrgTokenManager.builder().clientId(" ")),
        Arguments.of("orgId", (Consumer<Object>) x -> CoboClient.builder().orgId("")),
        Arguments.of("orgId", (Consumer<Object>) x -> OrgTokenManager.builder().orgId("\t")),
        Arguments.of("baseUrl", (Consumer<Object>) x -> CoboClient.builder().baseUrl(" ")),
        Arguments.of("apiSecret", (Consumer<Object>) x -> CoboClient.builder().apiSecret(" ")),
        Arguments.of("userAgent", (Consumer<Object>) x -> CoboClient.builder().userAgent("")),
        Arguments.of(
            "tokenRefreshMargin",
            (Consumer<Object>) x -> CoboClient.builder().tokenRefreshMargin(Duration.ofSeconds(-1))),
        Arguments.of(
            "refreshMargin", (Consumer<Object>) x -> OrgTokenManager.builder().refreshMargin(Duration.ofSeconds(-1))),
        Arguments.of("callTimeout", (Consumer<Object>) x -> CoboClient.builder().callTimeout(Duration.ZERO)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nulls")
  void nullIsANullPointerExceptionNamingTheSetting(String name, Consumer<Object> set) {
    assertThatThrownBy(() -> set.accept(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(name + " must not be null");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("blanks")
  void blankOrNegativeIsAnIllegalArgumentNamingTheSetting(String name, Consumer<Object> set) {
    assertThatThrownBy(() -> set.accept(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(name + " must");
  }
}
