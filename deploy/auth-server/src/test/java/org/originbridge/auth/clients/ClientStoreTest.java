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
                "provider-sitebuilder", "importer-osaka-denki", "procurement-buyhub", "operator", "importer-portal");
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
        // a file from before sign-in clients existed gets the importer portal's client added, once
        assertThat(clients).hasSize(2);
        assertThat(clients.get(1).clientId()).isEqualTo("importer-portal");
        assertThat(clients.get(1).signIn()).isTrue();
        assertThat(ClientStore.loadOrSeed(data)).isEqualTo(clients);
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
