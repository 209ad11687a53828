package dev.waasj.internal.call;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation whose server refuses a second request with the same value in a body field (Cobo's {@code
 * request_id}) instead of acting twice. A request that carries a non-empty value there is therefore safe to send
 * again after a lost response, and the SDK retries it like an idempotent one; a request that leaves the field empty
 * is not. Generated code puts it on every operation whose body has {@code request_id}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Deduplicated {
  /** The top-level JSON field of the body that the server deduplicates by. */
  String field() default "request_id";
}
