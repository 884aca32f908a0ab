package org.originbridge.asw.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.Test;
import org.originbridge.asw.domain.Check;
import org.originbridge.asw.domain.Outcome;
import org.originbridge.asw.domain.VerificationResult;
import org.originbridge.testsupport.EmbeddedMongo;
import org.originbridge.testsupport.Races;

/**
 * The ledger's guard against the embedded Mongo wire server: a verification is written once (a redelivery or a second
 * instance recording the same content changes nothing), one version per declaration (other content racing for the
 * same version loses), and a revocation of content is a record of its own; races included.
 */
class MongoVerificationLedgerTest {

    static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    private final MongoDatabase database = EmbeddedMongo.freshDatabase("asw-ledger");
    private final MongoVerificationLedger ledger = ledger(database);

    private static MongoVerificationLedger ledger(MongoDatabase database) {
        MongoVerificationLedger ledger = new MongoVerificationLedger(database);
        ledger.createIndexes();
        return ledger;
    }

    static VerificationResult result(String declarationId, String hash, int version, Outcome outcome, boolean revocation) {
        Check valid = new Check(Check.Status.VALID, null);
        return new VerificationResult(declarationId, "SUP-A", "REF-" + declarationId, outcome, "ASW-" + version, hash,
                valid, valid, valid, "code-" + version, outcome == Outcome.VERIFIED ? null : "reason", T0.plusSeconds(version),
                version, "SC" + version, "ASW-MY", "CERT-" + declarationId, "CN-CCPIT", revocation);
    }

    @Test
    void theSameContentIsRecordedOnceAndTheFirstRecordStays() {
        assertThat(ledger.record(result("D1", "h1", 1, Outcome.VERIFIED, false))).isTrue();
        assertThat(ledger.record(result("D1", "h1", 2, Outcome.NOT_VERIFIED, false))).isFalse();

        VerificationResult stored = ledger.find("D1", "h1").orElseThrow();
        assertThat(stored.outcome()).isEqualTo(Outcome.VERIFIED);
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored).isEqualTo(result("D1", "h1", 1, Outcome.VERIFIED, false)); // every field round-trips
    }

    @Test
    void otherContentCannotTakeAVersionAlreadyTaken() {
        assertThat(ledger.record(result("D2", "h1", 1, Outcome.VERIFIED, false))).isTrue();

        assertThat(ledger.record(result("D2", "h2", 1, Outcome.VERIFIED, false))).isFalse();
        assertThat(ledger.find("D2", "h2")).isEmpty();
        assertThat(ledger.record(result("D2", "h2", 2, Outcome.NOT_VERIFIED, false))).isTrue();
        assertThat(ledger.latest("D2").orElseThrow().documentHash()).isEqualTo("h2");
    }

    @Test
    void concurrentWritersOfOneVersionHaveExactlyOneWinner() throws Exception {
        List<Boolean> results = Races.run(8, i -> ledger.record(result("D3", "h" + i, 1, Outcome.VERIFIED, false)));

        assertThat(results).containsOnlyOnce(true);
        String winner = "h" + results.indexOf(true);
        assertThat(ledger.latest("D3").orElseThrow().documentHash()).isEqualTo(winner);
    }

    @Test
    void concurrentRedeliveriesOfOneVerificationAreRecordedOnce() throws Exception {
        assertThat(Races.winners(8, i -> ledger.record(result("D4", "h1", 1, Outcome.VERIFIED, false)))).isEqualTo(1);
        assertThat(database.getCollection(MongoVerificationLedger.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void aRevocationIsARecordOfItsOwnAndTheCertificateNoLongerVerifiesTheDeclaration() {
        ledger.record(result("D5", "h1", 1, Outcome.VERIFIED, false));
        assertThat(ledger.declarationsVerifying("CERT-D5")).containsExactly("D5");

        assertThat(ledger.record(result("D5", "h1", 2, Outcome.NOT_VERIFIED, true))).isTrue();
        assertThat(ledger.record(result("D5", "h1", 3, Outcome.NOT_VERIFIED, true))).isFalse(); // revoked once

        assertThat(ledger.latest("D5").orElseThrow().revocation()).isTrue();
        assertThat(ledger.declarationsVerifying("CERT-D5")).isEmpty();
    }

    @Test
    void hostileIdsAreStoredAsValuesNotOperators() {
        String hostile = "{\"$gt\": \"\"}";
        assertThat(ledger.record(result(hostile, "$where", 1, Outcome.VERIFIED, false))).isTrue();
        ledger.record(result("D6", "h1", 1, Outcome.VERIFIED, false));

        assertThat(ledger.find(hostile, "$where").orElseThrow().declarationId()).isEqualTo(hostile);
        assertThat(ledger.latest("{\"$ne\": null}")).isEmpty();
        assertThat(ledger.declarationsVerifying("{\"$ne\": null}")).isEmpty();
    }
}
