package org.originbridge.status.domain;

import java.util.Map;

/** Port: checks a signed token of one kind (signature, type, issuer, expiry). */
public interface TokenCheck {

    /** The claims of a valid token, or the reason it is refused. */
    Result check(String token);

    /** Outcome of a check: claims when valid, otherwise the reason. */
    record Result(boolean valid, Map<String, Object> claims, String reason) {
        public static Result valid(Map<String, Object> claims) {
            return new Result(true, Map.copyOf(claims), null);
        }

        public static Result invalid(String reason) {
            return new Result(false, Map.of(), reason);
        }
    }
}
