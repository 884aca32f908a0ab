package org.originbridge.sandbox.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.originbridge.sandbox.SandboxProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The bearer tokens each party accepts, parsed once at start. ASW and DCSA take any listed
 * client token; CCPIT takes only the token of the applicant named in {@code X-Applicant-Id}.
 * Comparisons are constant-time. No token means no access (DCSA excepted: an empty list leaves
 * the feed open).
 */
@Component
public class PartyTokens {

    private static final Logger log = LoggerFactory.getLogger(PartyTokens.class);

    private final List<byte[]> aswTokens;
    private final Map<String, byte[]> ccpitTokensByApplicant;
    private final List<byte[]> dcsaTokens;

    public PartyTokens(SandboxProperties properties) {
        this.aswTokens = parseList(properties.asw().clientTokens());
        this.ccpitTokensByApplicant = parsePairs(properties.ccpit().applicantTokens());
        this.dcsaTokens = parseList(properties.dcsa().clientTokens());
        if (aswTokens.isEmpty()) {
            log.warn("No ASW client token configured (SANDBOX_ASW_TOKENS): every ASW call will be answered 401");
        }
        if (ccpitTokensByApplicant.isEmpty()) {
            log.warn("No CCPIT applicant token configured (SANDBOX_CCPIT_TOKENS): every CCPIT call will be answered 401");
        }
        if (dcsaTokens.isEmpty()) {
            log.info("No DCSA client token configured (SANDBOX_DCSA_TOKENS): the DCSA feed is open");
        }
    }

    public boolean aswAccepts(String token) {
        return anyMatches(aswTokens, token);
    }

    public boolean dcsaOpen() {
        return dcsaTokens.isEmpty();
    }

    public boolean dcsaAccepts(String token) {
        return anyMatches(dcsaTokens, token);
    }

    public boolean ccpitAccepts(String applicantId, String token) {
        byte[] expected = applicantId == null ? null : ccpitTokensByApplicant.get(applicantId);
        return expected != null && token != null && MessageDigest.isEqual(expected, bytes(token));
    }

    /** The token from {@code Authorization: Bearer <token>}, if that is the header's form. */
    public static Optional<String> bearer(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.trim();
        if (value.length() > 7 && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = value.substring(7).trim();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        }
        return Optional.empty();
    }

    private static boolean anyMatches(List<byte[]> accepted, String token) {
        if (token == null) {
            return false;
        }
        byte[] candidate = bytes(token);
        boolean match = false;
        for (byte[] a : accepted) {
            match |= MessageDigest.isEqual(a, candidate);
        }
        return match;
    }

    static List<byte[]> parseList(String csv) {
        return Arrays.stream(csv == null ? new String[0] : csv.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(PartyTokens::bytes)
                .toList();
    }

    static Map<String, byte[]> parsePairs(String csv) {
        Map<String, byte[]> pairs = new LinkedHashMap<>();
        for (String entry : csv == null ? new String[0] : csv.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq <= 0 || eq == trimmed.length() - 1) {
                throw new IllegalArgumentException(
                        "sandbox.ccpit.applicant-tokens: expected applicantId=token pairs separated by commas");
            }
            pairs.put(trimmed.substring(0, eq).trim(), bytes(trimmed.substring(eq + 1).trim()));
        }
        return Map.copyOf(pairs);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
