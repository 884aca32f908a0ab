package org.originbridge.ccpit.domain;

import java.util.function.Supplier;

/** Port: what the request use case times and counts. */
public interface IssuanceMetrics {

    /** Times handling one accepted declaration (CCPIT call and publishing included), failures too. */
    <T> T timeRequest(Supplier<T> work);

    /** Counts what handling one accepted declaration led to. */
    void requestOutcome(EcoIssuance.Outcome outcome);

    IssuanceMetrics NONE = new IssuanceMetrics() {
        @Override
        public <T> T timeRequest(Supplier<T> work) {
            return work.get();
        }

        @Override
        public void requestOutcome(EcoIssuance.Outcome outcome) {
        }
    };
}
