package org.originbridge.auth.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class UserStoreTest {

    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @TempDir
    Path data;

    @Test
    void firstStartSeedsTheDemoImporterWithARandomPasswordKeptOnlyAsAHash() throws IOException {
        List<UserDefinition> users = UserStore.loadOrSeed(data, ENCODER);

        assertThat(users).hasSize(1);
        UserDefinition buyer = users.get(0);
        assertThat(buyer.username()).isEqualTo("osaka-buyer");
        assertThat(buyer.role()).isEqualTo("importer");
        assertThat(buyer.importer()).isEqualTo("JP-OSAKA-DENKI");
        String line = Files.readAllLines(data.resolve(UserStore.INITIAL_PASSWORDS)).get(0);
        String password = line.split(" ")[1];
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(ENCODER.matches(password, buyer.passwordHash())).isTrue();
        assertThat(Files.readString(data.resolve(UserStore.FILE_NAME))).doesNotContain(password).contains("{bcrypt}");
        for (String file : List.of(UserStore.FILE_NAME, UserStore.INITIAL_PASSWORDS)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(file)))).isEqualTo("rw-------");
        }
    }

    @Test
    void laterStartsKeepTheUsersAndTwoDataDirectoriesGetDifferentPasswords() throws IOException {
        List<UserDefinition> first = UserStore.loadOrSeed(data, ENCODER);
        assertThat(UserStore.loadOrSeed(data, ENCODER)).isEqualTo(first);

        Path other = Files.createDirectory(data.resolve("other"));
        UserStore.loadOrSeed(other, ENCODER);
        assertThat(Files.readString(other.resolve(UserStore.INITIAL_PASSWORDS)))
                .isNotEqualTo(Files.readString(data.resolve(UserStore.INITIAL_PASSWORDS)));
    }

    @Test
    void hostileOrIncompleteEntriesStopTheStartWithTheReason() {
        String hash = ENCODER.encode("correct horse battery");
        assertThatThrownBy(() -> new UserDefinition("<script>", hash, "importer", "JP-X"))
                .hasMessageContaining("username must match");
        assertThatThrownBy(() -> new UserDefinition("buyer", "plain-text-password", "importer", "JP-X"))
                .hasMessageContaining("passwordHash");
        assertThatThrownBy(() -> new UserDefinition("buyer", hash, "operator", null))
                .hasMessageContaining("role must be importer");
        assertThatThrownBy(() -> new UserDefinition("buyer", hash, "importer", "JP X\n"))
                .hasMessageContaining("party id");
        assertThat(new UserDefinition("buyer", hash, "importer", "JP-X").toString()).doesNotContain(hash);
    }

    @Test
    void aDuplicateUserNameIsRefused() throws IOException {
        String hash = ENCODER.encode("correct horse battery");
        Files.writeString(data.resolve(UserStore.FILE_NAME), """
                {"users": [{"username": "buyer", "passwordHash": "%s", "role": "importer", "importer": "JP-A"},
                           {"username": "BUYER", "passwordHash": "%s", "role": "importer", "importer": "JP-B"}]}
                """.formatted(hash, hash));

        assertThatThrownBy(() -> UserStore.loadOrSeed(data, ENCODER)).hasMessageContaining("appears twice");
    }

    @Test
    void accountsFindUsersCaseInsensitivelyAndRefuseUnknownOnes() {
        UserAccounts accounts = new UserAccounts(UserStore.loadOrSeed(data, ENCODER));

        ImporterUser user = (ImporterUser) accounts.loadUserByUsername("Osaka-Buyer");
        assertThat(user.importer()).isEqualTo("JP-OSAKA-DENKI");
        assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_IMPORTER");
        assertThatThrownBy(() -> accounts.loadUserByUsername("nobody")).isInstanceOf(UsernameNotFoundException.class);
        assertThatThrownBy(() -> accounts.loadUserByUsername(null)).isInstanceOf(UsernameNotFoundException.class);
    }
}
