package org.originbridge.auth.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientStoreTest {

    @TempDir
    Path data;

    @Test
    void firstStartSeedsTheContractsDemoClientsWithDistinctRandomSecretsInAnOwnerOnlyFile() throws IOException {
        List<ClientDefinition> clients = ClientStore.loadOrSeed(data);

        Map<String, ClientDefinition> byId = clients.stream()
                .collect(Collectors.toMap(ClientDefinition::clientId, Function.identity()));
        assertThat(byId).containsOnlyKeys("exporter-powertech", "exporter-hztea", "exporter-hcm-footwear",
                "provider-sitebuilder", "importer-osaka-denki", "procurement-buyhub", "operator", "importer-portal",
                "declaration-intake", "asw-verification", "ccpit-sync", "logistics-ingestion", "compliance-scoring",
                "status-query", "subscriptions");
        // schema registry roles (docs/security.md "Schema registry"): services register their schemas,
        // subscribers and exporters (the ERP producer) read, the operator administers
        assertThat(byId.values()).filteredOn(c -> "service".equals(c.role())).allSatisfy(c -> {
            assertThat(c.scopes()).isEmpty();
            assertThat(c.registryRole()).isEqualTo("sr-developer");
        }).hasSize(7);
        assertThat(byId.get("procurement-buyhub").registryRole()).isEqualTo("sr-readonly");
        assertThat(byId.get("exporter-powertech").registryRole()).isEqualTo("sr-readonly");
        assertThat(byId.get("operator").registryRole()).isEqualTo("sr-admin");
        assertThat(byId.get("provider-sitebuilder").registryRole()).isNull();
        assertThat(byId.get("importer-portal").registryRole()).isNull();
        assertThat(byId.get("exporter-powertech").tenants()).containsExactly("SUP-SZ-POWERTECH");
        assertThat(byId.get("exporter-powertech").scopeString())
                .isEqualTo("declarations.write declarations.read eco.read logistics.write subscriptions.manage");
        assertThat(byId.get("provider-sitebuilder").role()).isEqualTo("provider");
        assertThat(byId.get("provider-sitebuilder").tenants()).containsExactly("SUP-SZ-POWERTECH", "SUP-HZ-TEA");
        assertThat(byId.get("importer-osaka-denki").importer()).isEqualTo("JP-OSAKA-DENKI");
        assertThat(byId.get("importer-osaka-denki").tenants()).isEmpty();
        assertThat(byId.get("procurement-buyhub").scopes()).containsExactly("scores.read", "subscriptions.manage");
        assertThat(byId.get("operator").scopes()).containsExactly("operator", "declarations.read", "eco.read", "scores.read",
                "subscriptions.manage");

        assertThat(clients).extracting(ClientDefinition::clientSecret).doesNotHaveDuplicates()
                .allSatisfy(secret -> assertThat(secret).hasSizeGreaterThanOrEqualTo(40));
        Path file = data.resolve(ClientStore.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void laterStartsReadTheSameClientsAndSecrets() {
        List<ClientDefinition> first = ClientStore.loadOrSeed(data);
        List<ClientDefinition> second = ClientStore.loadOrSeed(data);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void twoDataDirectoriesGetDifferentSecrets() throws IOException {
        Path other = Files.createDirectory(data.resolve("other"));
        String a = secretOf(ClientStore.loadOrSeed(data), "operator");
        String b = secretOf(ClientStore.loadOrSeed(other), "operator");

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void aHandEditedClientIsReadAsWritten() throws IOException {
        Files.writeString(data.resolve(ClientStore.FILE_NAME), """
                {"clients": [{"clientId": "exporter-new", "clientSecret": "0123456789abcdef0123456789abcdef",
                  "role": "exporter", "tenants": ["SUP-NEW"], "scopes": ["declarations.read"]}]}
                """);

        List<ClientDefinition> clients = ClientStore.loadOrSeed(data);

        assertThat(clients.get(0)).isEqualTo(new ClientDefinition("exporter-new", "0123456789abcdef0123456789abcdef",
                "exporter", List.of("SUP-NEW"), List.of("declarations.read"), null));
        // a file from before sign-in clients and registry roles existed gets the importer portal's client
        // and the service clients added, once
        assertThat(clients).hasSize(9);
        assertThat(clients.subList(1, 8)).extracting(ClientDefinition::role).containsOnly("service");
        assertThat(clients.get(8).clientId()).isEqualTo("importer-portal");
        assertThat(clients.get(8).signIn()).isTrue();
        assertThat(ClientStore.loadOrSeed(data)).isEqualTo(clients);
    }

    @Test
    void aFileFromBeforeRegistryRolesGetsTheSeedsRolesOnceAndHandEditsStayAfterwards() throws IOException {
        Path file = data.resolve(ClientStore.FILE_NAME);
        Files.writeString(file, """
                {"clients": [
                 {"clientId": "operator", "clientSecret": "0123456789abcdef0123456789abcdef",
                  "role": "operator", "tenants": [], "scopes": ["operator"]},
                 {"clientId": "procurement-buyhub", "clientSecret": "0123456789abcdef0123456789abcdeX",
                  "role": "exporter", "tenants": ["SUP-X"], "scopes": ["declarations.read"]}]}
                """);

        Map<String, ClientDefinition> byId = ClientStore.loadOrSeed(data).stream()
                .collect(Collectors.toMap(ClientDefinition::clientId, Function.identity()));

        assertThat(byId.get("operator").registryRole()).isEqualTo("sr-admin");
        assertThat(byId.get("operator").clientSecret()).isEqualTo("0123456789abcdef0123456789abcdef");
        // same id, another role than the seed's: not the seeded client, so it gets nothing
        assertThat(byId.get("procurement-buyhub").registryRole()).isNull();
        assertThat(byId.get("status-query").registryRole()).isEqualTo("sr-developer");

        // the operator's registry role removed by hand stays removed at the next start
        Files.writeString(file, Files.readString(file).replace("\"sr-admin\"", "null"));
        assertThat(ClientStore.loadOrSeed(data)).filteredOn(c -> c.clientId().equals("operator"))
                .singleElement().extracting(ClientDefinition::registryRole).isNull();
    }

    @Test
    void aServiceClientIsForTheRegistryOnlyAndRegistryRolesAreApicuriosThree() {
        String secret = "0123456789abcdef0123456789abcdef";
        assertThat(new ClientDefinition("svc", secret, "service", List.of(), List.of(), null, List.of(), "sr-developer")
                .registryRole()).isEqualTo("sr-developer");
        assertThatThrownBy(() -> new ClientDefinition("svc", secret, "service", List.of(), List.of(), null, List.of(), null))
                .hasMessageContaining("needs a registryRole");
        assertThatThrownBy(() -> new ClientDefinition("svc", secret, "service", List.of(), List.of("operator"), null,
                List.of(), "sr-readonly")).hasMessageContaining("no API scopes");
        assertThatThrownBy(() -> new ClientDefinition("svc", secret, "service", List.of("SUP-A"), List.of(), null,
                List.of(), "sr-readonly")).hasMessageContaining("no exporter tenants");
        assertThatThrownBy(() -> new ClientDefinition("op", secret, "operator", List.of(), List.of("operator"), null,
                List.of(), "sr-root")).hasMessageContaining("registryRole must be one of");
        assertThatThrownBy(() -> new ClientDefinition("portal-x", secret, null, List.of(), List.of("eco.read"), null,
                List.of("http://127.0.0.1/cb"), "sr-admin")).hasMessageContaining("sign-in client has no registryRole");
        // an empty scope list is still refused for every other role
        assertThatThrownBy(() -> new ClientDefinition("op", secret, "operator", List.of(), List.of(), null, List.of(), "sr-admin"))
                .hasMessageContaining("scopes must not be empty");
    }

    @Test
    void aSignInClientHasRedirectUrisAndNoIdentityOfItsOwn() {
        assertThatThrownBy(() -> new ClientDefinition("portal-x", "0123456789abcdef0123456789abcdef", "importer",
                List.of(), List.of("eco.read"), "JP-X", List.of("http://127.0.0.1/cb")))
                .hasMessageContaining("no role, tenants or importer");
        assertThatThrownBy(() -> new ClientDefinition("portal-x", "0123456789abcdef0123456789abcdef", null,
                List.of(), List.of("eco.read"), null, List.of("javascript:alert(1)")))
                .hasMessageContaining("redirect URI");
        assertThatThrownBy(() -> new ClientDefinition("portal-x", "0123456789abcdef0123456789abcdef", null,
                List.of(), List.of("eco.read"), null, List.of("http://127.0.0.1/cb#frag")))
                .hasMessageContaining("redirect URI");
        assertThatThrownBy(() -> new ClientDefinition("machine-x", "0123456789abcdef0123456789abcdef", null,
                List.of(), List.of("eco.read"), null, List.of()))
                .hasMessageContaining("role must be one of");
    }

    @Test
    void aBadEntryStopsTheStartWithTheReason() throws IOException {
        Files.writeString(data.resolve(ClientStore.FILE_NAME), """
                {"clients": [{"clientId": "exporter-two", "clientSecret": "0123456789abcdef0123456789abcdef",
                  "role": "exporter", "tenants": ["SUP-A", "SUP-B"], "scopes": ["declarations.read"]}]}
                """);

        assertThatThrownBy(() -> ClientStore.loadOrSeed(data))
                .hasMessageContaining("exporter-two").hasMessageContaining("exactly one tenant");
    }

    @Test
    void aDuplicateClientIdIsRefused() throws IOException {
        String entry = """
                {"clientId": "operator", "clientSecret": "0123456789abcdef0123456789abcdef",
                 "role": "operator", "tenants": [], "scopes": ["operator"]}""";
        Files.writeString(data.resolve(ClientStore.FILE_NAME), "{\"clients\": [" + entry + "," + entry + "]}");

        assertThatThrownBy(() -> ClientStore.loadOrSeed(data)).hasMessageContaining("appears twice");
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Files.writeString(data.resolve(ClientStore.FILE_NAME), "{\"clients\": []}");

        assertThatThrownBy(() -> ClientStore.loadOrSeed(data)).hasMessageContaining("defines no clients");
    }

    private static String secretOf(List<ClientDefinition> clients, String id) {
        return clients.stream().filter(c -> c.clientId().equals(id)).findFirst().orElseThrow().clientSecret();
    }
}
