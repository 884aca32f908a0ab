package org.originbridge.intake.domain;

import java.util.function.Supplier;

/** Port: what the use cases count and time. */
public interface IntakeMetrics {

    <T> T timeScreening(Supplier<T> work);

    void accepted();

    void rejected();

    /** Input so malformed that it never reached screening (HTTP 400, dead-lettered record). */
    void invalid(String source);

    IntakeMetrics NONE = new IntakeMetrics() {
        @Override
        public <T> T timeScreening(Supplier<T> work) {
            return work.get();
        }

        @Override
        public void accepted() {
        }

        @Override
        public void rejected() {
        }

        @Override
        public void invalid(String source) {
        }
    };
}
