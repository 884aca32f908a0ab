package org.originbridge.ccpit.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.Test;
import org.originbridge.ccpit.domain.CertificateDocument;
import org.originbridge.testsupport.EmbeddedMongo;
import org.originbridge.testsupport.Races;

/**
 * {@link MongoCertificateDocuments} against the embedded Mongo wire server: storing a certificate again (a re-check, a
 * second instance, a race) leaves one document with the bytes as served.
 */
class MongoCertificateDocumentsTest {

    private final MongoDatabase database = EmbeddedMongo.freshDatabase("ccpit-documents");
    private final MongoCertificateDocuments documents = new MongoCertificateDocuments(database);

    private static CertificateDocument pdf(String text) {
        return new CertificateDocument("application/pdf", ("%PDF-1.7 " + text).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theBytesRoundTripAndStoringAgainLeavesOneDocument() throws Exception {
        assertThat(documents.find("D1")).isEmpty();

        documents.store("D1", pdf("certificate D1"));
        Races.run(4, i -> {
            documents.store("D1", pdf("certificate D1"));
            return null;
        });

        CertificateDocument stored = documents.find("D1").orElseThrow();
        assertThat(stored.contentType()).isEqualTo("application/pdf");
        assertThat(stored.content()).isEqualTo(pdf("certificate D1").content());
        assertThat(stored.sha256()).isEqualTo(pdf("certificate D1").sha256());
        assertThat(database.getCollection(MongoCertificateDocuments.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void hostileIdsAreValuesNotOperators() {
        documents.store("D2", pdf("certificate D2"));

        assertThat(documents.find("{\"$ne\": null}")).isEmpty();
    }
}
