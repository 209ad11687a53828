/**
 * A Spring Boot service on {@code waasj-spring-boot-starter}: the client and receiver from {@code cobo.*}
 * properties, a webhook and a callback endpoint, health and metrics. See {@link
 * dev.waasj.examples.spring.ExampleApplication}.
 */
@NullMarked
package dev.waasj.examples.spring;

import org.jspecify.annotations.NullMarked;
