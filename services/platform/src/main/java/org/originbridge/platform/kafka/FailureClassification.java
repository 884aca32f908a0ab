package org.originbridge.platform.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.originbridge.platform.errors.InvalidRecordException;
import org.originbridge.platform.errors.RetryLater;
import org.originbridge.platform.resilience.PermanentExternalFailure;
import org.originbridge.platform.resilience.TransientExternalFailure;

/**
 * The one place that decides what a failed record deserves:
 * <ul>
 * <li>{@link Kind#TRANSIENT}: a dependency is unavailable or slow, or a use case said
 *     {@link RetryLater} (an external system's {@link TransientExternalFailure} or open circuit breaker, the broker, the schema registry,
 *     MongoDB, a connection refused or timed out). The record is retried with bounded exponential
 *     backoff for as long as it takes, its offset kept: it is never dead-lettered.</li>
 * <li>{@link Kind#PERMANENT}: the record can never succeed (bad bytes, bad data, a permanent 4xx,
 *     a record too large to publish) or processing it threw an {@link Error} such as a
 *     {@link StackOverflowError}. It is dead-lettered on the first attempt and the partition moves on.
 *     Anything not recognised as transient is permanent: a record is never retried blindly for ever.</li>
 * </ul>
 * The chain of causes is read from the innermost cause outwards, so the most specific reason wins:
 * a send that failed because the record is too large is permanent although the send failure around
 * it is transient; a deserialization failure caused by an unreachable registry is transient although
 * deserialization failures are otherwise bad data. So is one where the schema registry refused this
 * service's credentials (401/403) or its token could not be fetched: that is this service's
 * configuration or the auth server being down, never the record's fault.
 */
public final class FailureClassification {

    public enum Kind { TRANSIENT, PERMANENT }

    /** Types (by name, so optional libraries such as the MongoDB driver need not be present) whose failures pass. */
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "io.github.resilience4j.circuitbreaker.CallNotPermittedException",
            "java.net.ConnectException",
            "java.net.SocketException",
            "java.net.SocketTimeoutException",
            "java.net.NoRouteToHostException",
            "java.net.UnknownHostException",
            "java.net.http.HttpTimeoutException",
            "java.util.concurrent.TimeoutException",
            "org.springframework.web.client.ResourceAccessException",
            "com.mongodb.MongoSocketException",
            "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoExecutionTimeoutException",
            "com.mongodb.MongoNotPrimaryException",
            "com.mongodb.MongoNodeIsRecoveringException",
            // the schema registry answered 401/403 to this service's token (Apicurio's REST client)
            "io.apicurio.rest.client.auth.exception.NotAuthorizedException",
            "io.apicurio.rest.client.auth.exception.ForbiddenException",
            "io.apicurio.rest.client.auth.exception.AuthException");

    /**
     * What Apicurio's token client (OidcAuth) throws, without a cause, when the token endpoint cannot
     * be reached or refuses the client: an {@link IllegalStateException} with exactly this message.
     */
    static final String REGISTRY_TOKEN_FAILURE = "Error found while trying to request a new token";

    private FailureClassification() {
    }

    public static Kind classify(Throwable failure) {
        List<Throwable> chain = causes(failure);
        for (int i = chain.size() - 1; i >= 0; i--) {
            Throwable t = chain.get(i);
            if (isPermanentMarker(t)) {
                return Kind.PERMANENT;
            }
            if (isTransientMarker(t)) {
                return Kind.TRANSIENT;
            }
        }
        return Kind.PERMANENT;
    }

    public static boolean isTransient(Throwable failure) {
        return classify(failure) == Kind.TRANSIENT;
    }

    private static boolean isPermanentMarker(Throwable t) {
        return t instanceof Error
                || t instanceof InvalidRecordException
                || t instanceof PermanentExternalFailure
                || t instanceof RecordTooLargeException
                || t instanceof org.apache.kafka.common.InvalidRecordException;
    }

    private static boolean isTransientMarker(Throwable t) {
        if (t instanceof TransientExternalFailure || t instanceof RetryLater
                || t instanceof AcknowledgedSend.PublishFailedException || t instanceof RetriableException) {
            return true;
        }
        if (t instanceof IllegalStateException && REGISTRY_TOKEN_FAILURE.equals(t.getMessage())) {
            return true;
        }
        for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
            if (TRANSIENT_TYPES.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }

    /** The failure and its causes, outermost first, cycles cut. */
    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t) && chain.size() < 32; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
