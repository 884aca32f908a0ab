package org.originbridge.platform.kafka;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code @KafkaListener} method: the external systems (the {@code system} names of
 * {@link org.originbridge.platform.resilience.ExternalCall} beans) this listener calls. While one
 * of their circuit breakers is open, {@link BreakerDrivenPause} pauses this listener's container,
 * and only it: listeners that call nothing outside keep consuming. The listener must have an
 * explicit {@code id} (checked at start).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CallsExternalSystem {

    /** The external systems called, e.g. {@code "asw"}. */
    String[] value();
}
