package org.originbridge.status.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originbridge.status.domain.Fixtures.T0;

import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.originbridge.status.domain.DeclarationFilter;
import org.originbridge.status.domain.Fixtures;
import org.originbridge.status.domain.IntakeRecord;

/**
 * Operator-shaped values (issue 6) in the status view's list filters and lookups are literals: every value
 * reaches MongoDB as a typed string through {@code Filters.eq}, never as parsed JSON, so {@code {"$gt": ""}} or
 * {@code $where} match nothing instead of everything.
 */
class MongoOperatorValuesTest {

    private static MongoClient client;
    private MongoStatusStore store;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(org.originbridge.testsupport.EmbeddedMongo.connectionString());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @BeforeEach
    void twoDeclarations() {
        store = new MongoStatusStore(client.getDatabase("operator-test-" + UUID.randomUUID()));
        store.createIndexes();
        store.recordIntake("D-1", "SUP-A", "R-1", IntakeRecord.of(IntakeRecord.ACCEPTED, T0, null, null),
                Fixtures.declaration("R-1"));
        store.recordIntake("D-2", "SUP-B", "R-2", IntakeRecord.of(IntakeRecord.ACCEPTED, T0, null, null),
                Fixtures.declaration("R-2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"$gt\": \"\"}", "{\"$ne\": null}", "$where", "this.supplierId != ''", "{\"$regex\": \".*\"}"})
    void operatorShapedFilterValuesMatchNothing(String hostile) {
        assertThat(store.list(new DeclarationFilter(hostile, null, null, null, null), null, 10)).isEmpty();
        assertThat(store.list(new DeclarationFilter(null, hostile, null, null, null), null, 10)).isEmpty();
        assertThat(store.list(new DeclarationFilter(null, null, hostile, null, null), null, 10)).isEmpty();
        assertThat(store.score(hostile)).isEmpty();
        assertThat(store.list(new DeclarationFilter("SUP-A", null, null, null, null), null, 10)).hasSize(1);
    }
}
