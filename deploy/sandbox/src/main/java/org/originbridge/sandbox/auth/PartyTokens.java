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
 * The bearer tokens each party accepts: the static tokens parsed once at start, and the tokens
 * its OAuth2 token endpoint issued ({@link IssuedTokens}) to the clients configured with
 * {@code oauth-clients}. ASW and DCSA take any of theirs; CCPIT takes only a token of the
 * applicant named in {@code X-Applicant-Id}. Comparisons are constant-time. No token means no
 * access (DCSA excepted: with neither tokens nor OAuth2 clients configured the feed is open).
 */
@Component
public class PartyTokens {

    private static final Logger log = LoggerFactory.getLogger(PartyTokens.class);

    private final List<byte[]> aswTokens;
    private final Map<String, byte[]> ccpitTokensByApplicant;
    private final List<byte[]> dcsaTokens;
    private final Map<String, Map<String, byte[]>> oauthClientsByParty;
    private final IssuedTokens issued;

    public PartyTokens(SandboxProperties properties) {
        this.aswTokens = parseList(properties.asw().clientTokens());
        this.ccpitTokensByApplicant = parsePairs(properties.ccpit().applicantTokens());
        this.dcsaTokens = parseList(properties.dcsa().clientTokens());
        this.oauthClientsByParty = Map.of(
                ASW, parsePairs(properties.asw().oauthClients()),
                CCPIT, parsePairs(properties.ccpit().oauthClients()),
                DCSA, parsePairs(properties.dcsa().oauthClients()));
        this.issued = new IssuedTokens(properties.accessTokenTtl(), java.time.Clock.systemUTC());
        if (aswTokens.isEmpty() && oauthClientsByParty.get(ASW).isEmpty()) {
            log.warn("No ASW client token configured (SANDBOX_ASW_TOKENS): every ASW call will be answered 401");
        }
        if (ccpitTokensByApplicant.isEmpty() && oauthClientsByParty.get(CCPIT).isEmpty()) {
            log.warn("No CCPIT applicant token configured (SANDBOX_CCPIT_TOKENS): every CCPIT call will be answered 401");
        }
        if (dcsaOpen()) {
            log.info("No DCSA client token configured (SANDBOX_DCSA_TOKENS): the DCSA feed is open");
        }
    }

    public static final String ASW = "asw";
    public static final String CCPIT = "ccpit";
    public static final String DCSA = "dcsa";

    public boolean aswAccepts(String token) {
        return anyMatches(aswTokens, token) || issued.subjectOf(ASW, token).isPresent();
    }

    public boolean dcsaOpen() {
        return dcsaTokens.isEmpty() && oauthClientsByParty.get(DCSA).isEmpty();
    }

    public boolean dcsaAccepts(String token) {
        return anyMatches(dcsaTokens, token) || issued.subjectOf(DCSA, token).isPresent();
    }

    public boolean ccpitAccepts(String applicantId, String token) {
        if (applicantId == null || token == null) {
            return false;
        }
        byte[] expected = ccpitTokensByApplicant.get(applicantId);
        return expected != null && MessageDigest.isEqual(expected, bytes(token))
                || issued.subjectOf(CCPIT, token).filter(applicantId::equals).isPresent();
    }

    /** Whether the party knows the client (for CCPIT: the applicant) with this secret; constant-time. */
    public boolean clientAuthenticates(String party, String clientId, String secret) {
        Map<String, byte[]> clients = oauthClientsByParty.get(party);
        byte[] expected = clients == null || clientId == null ? null : clients.get(clientId);
        byte[] presented = bytes(secret == null ? "" : secret);
        boolean match = MessageDigest.isEqual(expected == null ? new byte[presented.length + 1] : expected, presented);
        return expected != null && match;
    }

    /** A new access token at the party for an authenticated client. */
    public IssuedTokens.Issued issue(String party, String clientId) {
        return issued.issue(party, clientId);
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
                        "sandbox tokens/clients: expected id=secret pairs separated by commas");
            }
            pairs.put(trimmed.substring(0, eq).trim(), bytes(trimmed.substring(eq + 1).trim()));
        }
        return Map.copyOf(pairs);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
