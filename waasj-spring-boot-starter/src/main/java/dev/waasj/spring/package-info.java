/**
 * Spring Boot auto-configuration for the SDK, on Boot 3.5 and 4.0: {@link dev.waasj.spring.CoboProperties} (the
 * {@code cobo.*} properties), {@link dev.waasj.spring.CoboAutoConfiguration} (the client, its APIs, the org token
 * manager, the webhook receiver, health and metrics) and {@link
 * dev.waasj.spring.CoboWebhookEndpointAutoConfiguration} (the opt-in servlet endpoints Cobo delivers to).
 */
@NullMarked
package dev.waasj.spring;

import org.jspecify.annotations.NullMarked;
