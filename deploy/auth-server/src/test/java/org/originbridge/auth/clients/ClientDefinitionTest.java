package org.originbridge.auth.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientDefinitionTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void anExporterActsForExactlyOneTenant() {
        assertThatThrownBy(() -> client("exporter", List.of(), List.of("declarations.read"), null))
                .hasMessageContaining("exactly one tenant");
        assertThatThrownBy(() -> client("exporter", List.of("SUP-A", "SUP-B"), List.of("declarations.read"), null))
                .hasMessageContaining("exactly one tenant");
    }

    @Test
    void aProviderManagesAtLeastOneExporter() {
        assertThatThrownBy(() -> client("provider", List.of(), List.of("declarations.read"), null))
                .hasMessageContaining("at least one exporter tenant");
    }

    @Test
    void importerProcurementAndOperatorHaveNoTenants() {
        for (String role : List.of("importer", "procurement", "operator")) {
            assertThatThrownBy(() -> client(role, List.of("SUP-A"), List.of("eco.read"),
                    role.equals("importer") ? "JP-X" : null))
                    .hasMessageContaining("has no exporter tenants");
        }
    }

    @Test
    void onlyAnImporterHasAnImporterPartyAndItNeedsOne() {
        assertThatThrownBy(() -> client("importer", List.of(), List.of("eco.read"), null))
                .hasMessageContaining("needs its party id");
        assertThatThrownBy(() -> client("operator", List.of(), List.of("operator"), "JP-X"))
                .hasMessageContaining("only the importer role");
        assertThat(client("importer", List.of(), List.of("eco.read"), "JP-X").importer()).isEqualTo("JP-X");
    }

    @Test
    void scopesAndRolesComeFromTheContractsVocabulary() {
        assertThatThrownBy(() -> client("operator", List.of(), List.of("admin"), null))
                .hasMessageContaining("unknown scope 'admin'");
        assertThatThrownBy(() -> client("operator", List.of(), List.of(), null))
                .hasMessageContaining("scopes must not be empty");
        assertThatThrownBy(() -> client("root", List.of(), List.of("operator"), null))
                .hasMessageContaining("role must be one of");
    }

    @Test
    void idsAndTenantsUseASafeAlphabetAndSecretsAreLong() {
        assertThatThrownBy(() -> new ClientDefinition("bad id\r\n", SECRET, "operator", List.of(), List.of("operator"), null))
                .hasMessageContaining("clientId must match");
        assertThatThrownBy(() -> client("exporter", List.of("SUP/../X"), List.of("eco.read"), null))
                .hasMessageContaining("tenant 'SUP/../X'");
        assertThatThrownBy(() -> new ClientDefinition("operator", "short", "operator", List.of(), List.of("operator"), null))
                .hasMessageContaining("clientSecret must have at least");
    }

    @Test
    void toStringNeverShowsTheSecret() {
        assertThat(client("operator", List.of(), List.of("operator"), null).toString()).doesNotContain(SECRET);
    }

    private static ClientDefinition client(String role, List<String> tenants, List<String> scopes, String importer) {
        return new ClientDefinition("client-1", SECRET, role, tenants, scopes, importer);
    }
}
