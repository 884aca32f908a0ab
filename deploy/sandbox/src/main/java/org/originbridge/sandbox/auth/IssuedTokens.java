package org.originbridge.sandbox.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens the sandbox's OAuth2 token endpoints issued: opaque random strings, each for one
 * party and one subject (the client id; for CCPIT the applicant), valid for a fixed time. Kept in
 * memory only (a restart forgets them, as a real party's short-lived tokens would expire) and
 * bounded: expired tokens are dropped when new ones are issued, and past {@link #MAX_LIVE} live
 * tokens the oldest issue is refused rather than memory grown.
 */
public final class IssuedTokens {

    static final int MAX_LIVE = 10_000;

    public record Issued(String token, long expiresInSeconds) {}

    private record Grant(String party, String subject, Instant expiresAt) {}

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Duration ttl;
    private final Clock clock;

    public IssuedTokens(Duration ttl, Clock clock) {
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("sandbox.access-token-ttl must be positive");
        }
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A new token for the subject at the party. */
    public Issued issue(String party, String subject) {
        Instant now = clock.instant();
        grants.values().removeIf(g -> !now.isBefore(g.expiresAt()));
        if (grants.size() >= MAX_LIVE) {
            throw new IllegalStateException("too many live sandbox access tokens (" + MAX_LIVE + ")");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        grants.put(token, new Grant(party, subject, now.plus(ttl)));
        return new Issued(token, ttl.toSeconds());
    }

    /** The subject the token was issued to at this party, if it is one of ours and not expired. */
    public Optional<String> subjectOf(String party, String token) {
        if (token == null) {
            return Optional.empty();
        }
        Grant grant = grants.get(token);
        if (grant == null || !grant.party().equals(party) || !clock.instant().isBefore(grant.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(grant.subject());
    }
}
