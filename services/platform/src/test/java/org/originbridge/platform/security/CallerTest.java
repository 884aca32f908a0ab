package org.originbridge.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void anExporterActsForItsOwnTenantOnly() {
        Caller exporter = Caller.fromClaims("exporter-a", Map.of("ob_role", "exporter", "ob_tenants", List.of("SUP-A"),
                "scope", "declarations.write declarations.read"));

        assertThat(exporter.role()).isEqualTo(Caller.Role.EXPORTER);
        assertThat(exporter.actsFor("SUP-A")).isTrue();
        assertThat(exporter.actsFor("SUP-B")).isFalse();
        assertThat(exporter.reads("SUP-B")).isFalse();
        assertThat(exporter.scopes()).containsExactlyInAnyOrder("declarations.write", "declarations.read");
    }

    @Test
    void aProviderActsForTheExportersItManages() {
        Caller provider = Caller.fromClaims("p", Map.of("ob_role", "provider", "ob_tenants", List.of("SUP-A", "SUP-B")));

        assertThat(provider.actsFor("SUP-A")).isTrue();
        assertThat(provider.actsFor("SUP-B")).isTrue();
        assertThat(provider.actsFor("SUP-C")).isFalse();
    }

    @Test
    void importersProcurementAndOperatorsActForNoTenantButOperatorsReadAll() {
        Caller importer = Caller.fromClaims("i", Map.of("ob_role", "importer", "ob_tenants", List.of("SUP-A"),
                "ob_importer", "JP-OSAKA-DENKI"));
        Caller operator = Caller.fromClaims("o", Map.of("ob_role", "operator"));

        assertThat(importer.actsFor("SUP-A")).as("tenants on a non-exporter token mean nothing").isFalse();
        assertThat(importer.importerId()).isEqualTo("JP-OSAKA-DENKI");
        assertThat(operator.actsFor("SUP-A")).isFalse();
        assertThat(operator.reads("SUP-A")).isTrue();
    }

    @Test
    void missingOrMalformedClaimsActForNoOne() {
        Caller odd = Caller.fromClaims("x", Map.of("ob_role", "root", "ob_tenants", "SUP-A"));

        assertThat(odd.role()).isEqualTo(Caller.Role.UNKNOWN);
        assertThat(odd.tenants()).isEmpty();
        assertThat(odd.reads("SUP-A")).isFalse();
        assertThat(odd.actsFor(null)).isFalse();
    }
}
