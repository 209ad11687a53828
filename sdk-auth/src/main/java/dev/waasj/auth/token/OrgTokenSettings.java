package dev.waasj.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * What the token managers of one app share, whatever their organization: one instance for a whole registry, so a
 * manager per organization costs its own state and little else.
 */
final class OrgTokenSettings {
  final TokenEndpoint endpoint;
  final String clientId;
  final TokenStore store;
  final Duration refreshMargin;
  final Duration retryBackoff;
  final Clock clock;
  final Duration leaseTtl;
  final Duration reauthorizationBackoff;
  final Consumer<TokenRequestOutcome> requestListener;
  final Consumer<String> reauthorizationListener;

  OrgTokenSettings(
      TokenEndpoint endpoint,
      String clientId,
      TokenStore store,
      Duration refreshMargin,
      Duration retryBackoff,
      Clock clock,
      Duration leaseTtl,
      Duration reauthorizationBackoff,
      Consumer<TokenRequestOutcome> requestListener,
      Consumer<String> reauthorizationListener) {
    this.endpoint = endpoint;
    this.clientId = clientId;
    this.store = store;
    this.refreshMargin = refreshMargin;
    this.retryBackoff = retryBackoff;
    this.clock = clock;
    this.leaseTtl = leaseTtl;
    this.reauthorizationBackoff = reauthorizationBackoff;
    this.requestListener = requestListener;
    this.reauthorizationListener = reauthorizationListener;
  }
}
