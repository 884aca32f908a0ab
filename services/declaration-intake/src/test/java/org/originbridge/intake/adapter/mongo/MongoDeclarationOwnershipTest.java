package org.originbridge.intake.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.originbridge.intake.domain.DeclarationOwnership.Kind;
import org.originbridge.testsupport.EmbeddedMongo;

/**
 * The ownership guard directly against a MongoDB wire server: the first tenant to claim an identifier owns it for
 * good; claiming again changes nothing; another tenant's claim (also a concurrent one) never takes it over.
 */
class MongoDeclarationOwnershipTest {

    private static final Instant T0 = Instant.parse("2026-11-30T01:00:00Z");

    private MongoDatabase database;
    private MongoDeclarationOwnership ownership;

    @BeforeEach
    void freshDatabase() {
        database = EmbeddedMongo.freshDatabase("ownership-test");
        ownership = new MongoDeclarationOwnership(database, Clock.fixed(T0, ZoneOffset.UTC));
    }

    @Test
    void theFirstClaimOwnsTheIdentifierAndRecordsWhenWithTheInjectedClock() {
        assertThat(ownership.owner(Kind.DECLARATION_ID, "DECL-1")).isEmpty();

        assertThat(ownership.claim(Kind.DECLARATION_ID, "DECL-1", "SUP-A")).isEqualTo("SUP-A");

        assertThat(ownership.owner(Kind.DECLARATION_ID, "DECL-1")).contains("SUP-A");
        Document stored = database.getCollection("declaration_owners").find(Filters.eq("_id", "id:DECL-1")).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("tenant")).isEqualTo("SUP-A");
        assertThat(stored.get("claimedAt", Date.class).toInstant()).isEqualTo(T0);
    }

    @Test
    void claimingAgainChangesNothingAndAnotherTenantNeverTakesItOver() {
        ownership.claim(Kind.REFERENCE_NUMBER, "CO-1", "SUP-A");
        Document before = database.getCollection("declaration_owners").find(Filters.eq("_id", "ref:CO-1")).first();

        MongoDeclarationOwnership later = new MongoDeclarationOwnership(database,
                Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC));
        assertThat(later.claim(Kind.REFERENCE_NUMBER, "CO-1", "SUP-A")).isEqualTo("SUP-A");
        assertThat(later.claim(Kind.REFERENCE_NUMBER, "CO-1", "SUP-B")).isEqualTo("SUP-A");

        assertThat(database.getCollection("declaration_owners").find(Filters.eq("_id", "ref:CO-1")).first())
                .as("neither the owner nor the claim time moved").isEqualTo(before);
        assertThat(database.getCollection("declaration_owners").countDocuments()).isEqualTo(1);
    }

    @Test
    void aDeclarationIdAndAReferenceNumberWithTheSameTextAreSeparateIdentifiers() {
        ownership.claim(Kind.DECLARATION_ID, "X-1", "SUP-A");

        assertThat(ownership.claim(Kind.REFERENCE_NUMBER, "X-1", "SUP-B")).isEqualTo("SUP-B");
        assertThat(ownership.owner(Kind.DECLARATION_ID, "X-1")).contains("SUP-A");
    }

    @Test
    void concurrentFirstClaimsByDifferentTenantsAgreeOnOneOwner() throws Exception {
        int tenants = 8;
        ExecutorService pool = Executors.newFixedThreadPool(tenants);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < tenants; i++) {
                String tenant = "SUP-" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return ownership.claim(Kind.DECLARATION_ID, "DECL-RACE", tenant);
                }));
            }
            start.countDown();
            Set<String> owners = new HashSet<>();
            for (Future<String> answer : answers) {
                owners.add(answer.get(60, TimeUnit.SECONDS));
            }

            assertThat(owners).as("every claimant is told the same owner").hasSize(1);
            assertThat(ownership.owner(Kind.DECLARATION_ID, "DECL-RACE")).contains(owners.iterator().next());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aHostileIdentifierIsStoredAsDataNotAsAQuery() {
        String hostile = "{\"$ne\": null}\r\n.$where";

        assertThat(ownership.claim(Kind.DECLARATION_ID, hostile, "SUP-A")).isEqualTo("SUP-A");

        assertThat(ownership.owner(Kind.DECLARATION_ID, hostile)).contains("SUP-A");
        assertThat(ownership.owner(Kind.DECLARATION_ID, "anything-else")).isEmpty();
    }
}
