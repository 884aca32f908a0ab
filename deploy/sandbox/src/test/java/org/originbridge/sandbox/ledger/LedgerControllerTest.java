package org.originbridge.sandbox.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.originbridge.sandbox.SandboxProperties;
import org.originbridge.sandbox.web.NotFoundException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.web.server.ResponseStatusException;

import java.util.Map;

class LedgerControllerTest {

    static SandboxProperties properties(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("sandbox", Bindable.of(SandboxProperties.class));
    }

    @Test
    void withoutAnOperatorTokenTheLedgerDoesNotExist() {
        LedgerController controller = new LedgerController(new CallLedger(), properties(Map.of()));
        assertThatThrownBy(() -> controller.ledger(null)).isInstanceOf(NotFoundException.class);
        // an empty bearer token must not match the empty configured token
        assertThatThrownBy(() -> controller.ledger("Bearer ")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void hostileAuthorizationValuesAreRefused() {
        CallLedger ledger = new CallLedger();
        ledger.record(CallLedger.Party.ASW, "D-1", "k");
        LedgerController controller = new LedgerController(ledger, properties(Map.of("sandbox.operator-token", "op-secret")));
        for (String hostile : new String[] {null, "", "Bearer", "Bearer ", "Basic op-secret", "bearer op-secret", "Bearer op-secre",
                "Bearer op-secret-longer", "Bearer \u0000op-secret"}) {
            assertThatThrownBy(() -> controller.ledger(hostile)).as(String.valueOf(hostile)).isInstanceOf(ResponseStatusException.class);
        }
        assertThat(controller.ledger("Bearer op-secret").asw()).containsOnlyKeys("D-1");
    }

    @Test
    void callsAreCountedPerDeclarationWithDistinctKeys() {
        CallLedger ledger = new CallLedger();
        ledger.record(CallLedger.Party.CCPIT, "D-1", "D-1");
        ledger.record(CallLedger.Party.CCPIT, "D-1", "D-1");
        ledger.record(CallLedger.Party.ASW, "D-1", null);
        assertThat(ledger.entries(CallLedger.Party.CCPIT).get("D-1")).isEqualTo(new CallLedger.Entry(2, java.util.Set.of("D-1")));
        assertThat(ledger.entries(CallLedger.Party.ASW).get("D-1").calls()).isEqualTo(1);
        assertThat(ledger.entries(CallLedger.Party.ASW).get("D-1").idempotencyKeys()).isEmpty();
    }
}
