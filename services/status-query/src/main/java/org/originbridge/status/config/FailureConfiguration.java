package org.originbridge.status.config;

import com.mongodb.client.MongoDatabase;
import org.originbridge.status.adapter.mongo.MongoFailureStore;
import org.originbridge.status.domain.DeclarationFailures;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the processing-failure use case (facts from coo-declaration-failures) to MongoDB. */
@Configuration(proxyBeanMethods = false)
class FailureConfiguration {

    @Bean
    DeclarationFailures declarationFailures(MongoDatabase statusDatabase) {
        return new DeclarationFailures(new MongoFailureStore(statusDatabase));
    }
}
