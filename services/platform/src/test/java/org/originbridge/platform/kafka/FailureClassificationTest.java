package org.originbridge.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originbridge.platform.kafka.FailureClassification.Kind.PERMANENT;
import static org.originbridge.platform.kafka.FailureClassification.Kind.TRANSIENT;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.originbridge.platform.errors.InvalidRecordException;
import org.originbridge.platform.errors.RetryLater;
import org.originbridge.platform.resilience.PermanentExternalFailure;
import org.originbridge.platform.resilience.TransientExternalFailure;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

class FailureClassificationTest {

    @Test
    void anUnavailableDependencyIsTransient() {
        CircuitBreaker open = CircuitBreaker.ofDefaults("asw");
        open.transitionToOpenState();
        assertThat(FailureClassification.classify(new TransientExternalFailure("asw answered 503",
                HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE, "busy", HttpHeaders.EMPTY,
                        new byte[0], StandardCharsets.UTF_8)))).isEqualTo(TRANSIENT);
        assertThat(FailureClassification.classify(new TransientExternalFailure("asw circuit breaker is open",
                CallNotPermittedException.createCallNotPermittedException(open)))).isEqualTo(TRANSIENT);
        assertThat(FailureClassification.classify(new ResourceAccessException("refused", new ConnectException()))).isEqualTo(TRANSIENT);
        assertThat(FailureClassification.classify(new AcknowledgedSend.PublishFailedException("no ack",
                new TimeoutException("expired")))).isEqualTo(TRANSIENT);
        // a use case's own "try again later" (e.g. CCPIT unavailable, a write race lost too often)
        assertThat(FailureClassification.classify(listenerFailed(new RetryLater("supplier kept changing", null))))
                .isEqualTo(TRANSIENT);
    }

    @Test
    void aDeserializationFailureIsPermanentUnlessTheRegistryWasUnreachable() {
        assertThat(FailureClassification.classify(new DeserializationException("bad bytes", new byte[] {1}, false,
                new IllegalStateException("unknown magic byte")))).isEqualTo(PERMANENT);
        assertThat(FailureClassification.classify(new DeserializationException("no schema", new byte[] {0}, false,
                new RuntimeException("registry", new ConnectException("Connection refused"))))).isEqualTo(TRANSIENT);
    }

    @Test
    void theRegistryRefusingThisServicesCredentialsOrNoTokenIsTransientNotTheRecordsFault() {
        // Apicurio's REST client: 401 / 403 from the registry
        assertThat(FailureClassification.classify(new DeserializationException("no schema", new byte[] {0}, false,
                new io.apicurio.rest.client.auth.exception.NotAuthorizedException("Authentication exception"))))
                .isEqualTo(TRANSIENT);
        assertThat(FailureClassification.classify(new RuntimeException("serialize",
                new io.apicurio.rest.client.auth.exception.ForbiddenException("Authorization error")))).isEqualTo(TRANSIENT);
        // Apicurio's token client: the token endpoint unreachable or refusing (thrown without a cause)
        assertThat(FailureClassification.classify(new DeserializationException("no schema", new byte[] {0}, false,
                new IllegalStateException(FailureClassification.REGISTRY_TOKEN_FAILURE)))).isEqualTo(TRANSIENT);
        // any other IllegalStateException stays permanent
        assertThat(FailureClassification.classify(new DeserializationException("bad", new byte[] {0}, false,
                new IllegalStateException("Error found while trying to request a new token (not quite)")))).isEqualTo(PERMANENT);
    }

    @Test
    void badDataPermanentAnswersOversizedRecordsAndErrorsArePermanent() {
        assertThat(FailureClassification.classify(listenerFailed(new InvalidRecordException("field", "bad"))))
                .isEqualTo(PERMANENT);
        assertThat(FailureClassification.classify(new PermanentExternalFailure("400", 400, "{}", null))).isEqualTo(PERMANENT);
        assertThat(FailureClassification.classify(new AcknowledgedSend.PublishFailedException("send failed",
                new ExecutionException(new RecordTooLargeException("too large"))))).isEqualTo(PERMANENT);
        assertThat(FailureClassification.classify(listenerFailed(
                new ErrorContainingListener.ListenerThrewError(new StackOverflowError())))).isEqualTo(PERMANENT);
        assertThat(FailureClassification.classify(new OutOfMemoryError("Java heap space"))).isEqualTo(PERMANENT);
    }

    @Test
    void anythingUnrecognisedIsPermanentSoAPartitionIsNeverBlockedBlindly() {
        assertThat(FailureClassification.classify(listenerFailed(new NullPointerException()))).isEqualTo(PERMANENT);
        assertThat(FailureClassification.classify(new IllegalArgumentException("x"))).isEqualTo(PERMANENT);
    }

    @Test
    void mongoUnavailabilityIsTransientByTypeName() {
        // the MongoDB driver is optional in the platform; its types are matched by name, superclasses included
        assertThat(FailureClassification.classify(new com.mongodb.MongoSocketOpenException("refused",
                new com.mongodb.ServerAddress()))).isEqualTo(TRANSIENT);
        assertThat(FailureClassification.classify(new com.mongodb.MongoTimeoutException("no server"))).isEqualTo(TRANSIENT);
    }

    private static ListenerExecutionFailedException listenerFailed(Throwable cause) {
        return new ListenerExecutionFailedException("listener failed", cause);
    }
}
