package org.originbridge.subscriptions.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.originbridge.subscriptions.adapter.crypto.SecretKeyRing;
import org.originbridge.subscriptions.domain.EventType;
import org.originbridge.subscriptions.domain.Subscription;
import org.originbridge.subscriptions.domain.Viewer;
import org.originbridge.subscriptions.domain.WebhookSecret;
import org.originbridge.testsupport.EmbeddedMongo;

/**
 * Secrets at rest against the embedded Mongo wire server: the document holds ciphertext only,
 * rotation is compare-and-set, a master key rotation and documents from before encryption are
 * re-encrypted by {@code rewrap}.
 */
class MongoSubscriptionsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");

    private final MongoDatabase database = EmbeddedMongo.freshDatabase("subscriptions-secrets");
    private final String oldKey = SecretKeyRing.newEntry();
    private final MongoSubscriptions store = new MongoSubscriptions(database, SecretKeyRing.of(List.of(oldKey)));

    private static Subscription subscription(String id) {
        return new Subscription(id, "client-1", new Viewer(false, Set.of("SUP-A"), null, false),
                URI.create("https://hooks.example.com/x"), Set.of(EventType.SCORE_CHANGED), WebhookSecret.generate(), NOW);
    }

    private Document raw(String id) {
        return database.getCollection(MongoSubscriptions.COLLECTION).find(Filters.eq("_id", id)).first();
    }

    /** Neither the secret nor its key bytes (base64 or hex) appear anywhere in the stored document. */
    private static void assertNoPlaintext(Document stored, String... secrets) {
        String json = stored.toJson();
        for (String secret : secrets) {
            String keyPart = secret.substring(WebhookSecret.PREFIX.length());
            assertThat(json).doesNotContain(keyPart).doesNotContain(keyPart.substring(0, 12));
            assertThat(json).doesNotContain(Base64.getEncoder().encodeToString(secret.getBytes()).substring(0, 16));
            assertThat(json).doesNotContain(java.util.HexFormat.of().formatHex(WebhookSecret.key(secret)).substring(0, 16));
        }
        assertThat(json).doesNotContain("whsec_");
    }

    @Test
    void theStoredDocumentHoldsCiphertextNonceAndKeyIdButNoPlaintextSecret() {
        Subscription s = subscription("sub_a");
        store.save(s);

        Document stored = raw("sub_a");
        assertNoPlaintext(stored, s.secret());
        Document sealed = stored.get("secret", Document.class);
        assertThat(sealed.keySet()).containsExactlyInAnyOrder("kid", "nonce", "ciphertext");
        assertThat(sealed.getString("kid")).isEqualTo(oldKey.substring(0, oldKey.indexOf(':')));
        assertThat(store.byId("sub_a").orElseThrow().secret()).isEqualTo(s.secret());
    }

    @Test
    void aRotationStoresBothSecretsEncryptedAndOnlyOneOfTwoConcurrentRotationsWins() {
        Subscription s = subscription("sub_r");
        store.save(s);
        Subscription rotated = s.rotated(WebhookSecret.generate(), Duration.ofHours(24), NOW);
        Subscription rival = s.rotated(WebhookSecret.generate(), Duration.ofHours(24), NOW);

        assertThat(store.replaceSecrets(s, rotated)).isTrue();
        assertThat(store.replaceSecrets(s, rival)).as("based on a secret no longer current").isFalse();

        Subscription read = store.byId("sub_r").orElseThrow();
        assertThat(read.secret()).isEqualTo(rotated.secret());
        assertThat(read.previousSecret()).isEqualTo(s.secret());
        assertThat(read.previousSecretUntil()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertNoPlaintext(raw("sub_r"), s.secret(), rotated.secret());

        Subscription dropped = read.rotated(WebhookSecret.generate(), Duration.ZERO, NOW);
        assertThat(store.replaceSecrets(read, dropped)).isTrue();
        assertThat(store.byId("sub_r").orElseThrow().previousSecret()).isNull();
        assertThat(raw("sub_r")).doesNotContainKeys("previousSecret", "previousSecretUntil");
    }

    @Test
    void aNewMasterKeyAndDocumentsFromBeforeEncryptionAreReEncryptedAtStartUp() {
        Subscription s = subscription("sub_m");
        store.save(s);
        Subscription rotated = s.rotated(WebhookSecret.generate(), Duration.ofHours(1), NOW);
        store.replaceSecrets(s, rotated);
        // a document as the previous version wrote it: the secret in clear
        String legacySecret = WebhookSecret.generate();
        Document legacy = raw("sub_m").append("_id", "sub_legacy");
        legacy.remove("previousSecret");
        legacy.remove("previousSecretUntil");
        legacy.remove("secretHash");
        legacy.put("secret", legacySecret);
        database.getCollection(MongoSubscriptions.COLLECTION).insertOne(legacy);

        String newKey = SecretKeyRing.newEntry();
        MongoSubscriptions restarted = new MongoSubscriptions(database, SecretKeyRing.of(List.of(newKey, oldKey)));
        assertThat(restarted.rewrap()).isEqualTo(2);
        assertThat(restarted.rewrap()).as("idempotent").isZero();

        String newKid = newKey.substring(0, newKey.indexOf(':'));
        for (String id : List.of("sub_m", "sub_legacy")) {
            assertThat(raw(id).get("secret", Document.class).getString("kid")).isEqualTo(newKid);
        }
        assertThat(raw("sub_m").get("previousSecret", Document.class).getString("kid")).isEqualTo(newKid);
        assertNoPlaintext(raw("sub_legacy"), legacySecret);
        // only the new key is needed from now on
        MongoSubscriptions newOnly = new MongoSubscriptions(database, SecretKeyRing.of(List.of(newKey)));
        assertThat(newOnly.byId("sub_legacy").orElseThrow().secret()).isEqualTo(legacySecret);
        Subscription m = newOnly.byId("sub_m").orElseThrow();
        assertThat(m.secret()).isEqualTo(rotated.secret());
        assertThat(m.previousSecret()).isEqualTo(s.secret());
    }

    @Test
    void aCiphertextCopiedIntoAnotherSubscriptionDoesNotOpen() {
        store.save(subscription("sub_x"));
        store.save(subscription("sub_y"));
        Document stolen = raw("sub_x").get("secret", Document.class);
        database.getCollection(MongoSubscriptions.COLLECTION).updateOne(Filters.eq("_id", "sub_y"), Updates.set("secret", stolen));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.byId("sub_y"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not open");
    }
}
