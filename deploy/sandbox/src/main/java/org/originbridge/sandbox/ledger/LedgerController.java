package org.originbridge.sandbox.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.originbridge.sandbox.SandboxProperties;
import org.originbridge.sandbox.web.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /sandbox/ledger}: the calls ASW and CCPIT received, per declaration (operator only).
 * Unlike the other sandbox controls it reveals which declarations were sent, so it needs the
 * operator token ({@code SANDBOX_OPERATOR_TOKEN}) as a bearer token; without a configured token the
 * endpoint does not exist (404).
 */
@RestController
public class LedgerController {

    public record LedgerView(Map<String, CallLedger.Entry> asw, Map<String, CallLedger.Entry> ccpit) {}

    private final CallLedger ledger;
    private final byte[] operatorToken;

    public LedgerController(CallLedger ledger, SandboxProperties properties) {
        this.ledger = ledger;
        this.operatorToken = properties.operatorToken().getBytes(StandardCharsets.UTF_8);
    }

    @GetMapping("/sandbox/ledger")
    public LedgerView ledger(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        if (operatorToken.length == 0) {
            throw new NotFoundException("the call ledger is off (no sandbox operator token configured)");
        }
        String presented = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), operatorToken)) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "the call ledger needs the sandbox operator token");
        }
        return new LedgerView(ledger.entries(CallLedger.Party.ASW), ledger.entries(CallLedger.Party.CCPIT));
    }
}
