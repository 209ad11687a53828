package dev.waasj.testkit;

import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link CoboEmulator} for JUnit 5 tests. Needs {@code junit-jupiter-api} on the test classpath.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final CoboEmulatorExtension COBO =
 *     CoboEmulatorExtension.create(b -> b.registerApp("client", "org", APP.publicKeyHex()));
 *
 * @Test
 * void getsAToken() {
 *   String baseUrl = COBO.get().baseUrl();
 *   ...
 * }
 * }</pre>
 *
 * <p>In a {@code static} field the emulator starts once before all tests of the class and stops after them; in an
 * instance field, or with {@code @ExtendWith(CoboEmulatorExtension.class)} on a class with no static field, it
 * starts and stops around each test. Before each test the emulator is {@linkplain CoboEmulator#reset() reset}:
 * queued faults and recorded requests are cleared (registered apps, tokens and seen nonces are kept). Test methods
 * and lifecycle methods may also declare a {@link CoboEmulator} parameter to receive it.
 *
 * <p>JUnit refuses a {@link CoboEmulator} parameter that two registered extensions could both supply, so inject by
 * parameter only where one {@code CoboEmulatorExtension} is in scope; otherwise call {@link #get()}.
 *
 * <p>Tests of one class running in parallel share the emulator and each other's records; give such classes one
 * emulator per test (an instance field) instead.
 */
public final class CoboEmulatorExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private final Consumer<CoboEmulator.Builder> configuration;
  private volatile @Nullable CoboEmulator emulator;
  // The context that started the emulator, the one that must stop it (nested classes see the same extension).
  private volatile @Nullable String ownerId;

  /** An emulator with the builder's defaults; the constructor {@code @ExtendWith} uses. */
  public CoboEmulatorExtension() {
    this(builder -> {});
  }

  private CoboEmulatorExtension(Consumer<CoboEmulator.Builder> configuration) {
    this.configuration = configuration;
  }

  /** An emulator with the builder's defaults; register apps at run time with {@link CoboEmulator#registerApp}. */
  public static CoboEmulatorExtension create() {
    return new CoboEmulatorExtension();
  }

  /**
   * An emulator configured by {@code configuration}, which is applied to a fresh {@link CoboEmulator#builder()}
   * each time an emulator starts.
   */
  public static CoboEmulatorExtension create(Consumer<CoboEmulator.Builder> configuration) {
    return new CoboEmulatorExtension(Objects.requireNonNull(configuration, "configuration"));
  }

  /**
   * The running emulator.
   *
   * @throws IllegalStateException outside the lifetime described in the class comment
   */
  public CoboEmulator get() {
    CoboEmulator running = emulator;
    if (running == null) {
      throw new IllegalStateException("the Cobo emulator is not running: is the extension registered?");
    }
    return running;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    startIfStopped(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!startIfStopped(context)) {
      get().reset();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stopIfOwner(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stopIfOwner(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == CoboEmulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return get();
  }

  private synchronized boolean startIfStopped(ExtensionContext context) {
    if (emulator != null) {
      return false;
    }
    CoboEmulator.Builder builder = CoboEmulator.builder();
    configuration.accept(builder);
    emulator = builder.start();
    ownerId = context.getUniqueId();
    return true;
  }

  private synchronized void stopIfOwner(ExtensionContext context) {
    CoboEmulator running = emulator;
    if (running != null && context.getUniqueId().equals(ownerId)) {
      emulator = null;
      ownerId = null;
      running.close();
    }
  }
}
