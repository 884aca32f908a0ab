package org.originbridge.status.domain;

/** Use case: a declaration's record was dead-lettered somewhere; its status says so. */
public class DeclarationFailures {

    private final FailureStore store;

    public DeclarationFailures(FailureStore store) {
        this.store = store;
    }

    public ProjectionResult failed(String declarationId, ProcessingFailure failure) {
        return store.recordFailure(declarationId, failure);
    }
}
