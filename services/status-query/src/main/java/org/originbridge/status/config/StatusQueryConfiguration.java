package org.originbridge.status.config;

import java.time.Clock;

import com.mongodb.client.MongoDatabase;
import org.originbridge.platform.signing.TokenSigner;
import org.originbridge.status.adapter.mongo.MongoStatusStore;
import org.originbridge.status.domain.StatusProjection;
import org.originbridge.status.domain.StatusQueries;
import org.originbridge.status.domain.TokenCheck;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the domain to MongoDB and the token signer. */
@Configuration(proxyBeanMethods = false)
public class StatusQueryConfiguration {

    @Bean
    MongoStatusStore mongoStatusStore(MongoDatabase statusDatabase) {
        MongoStatusStore store = new MongoStatusStore(statusDatabase);
        store.createIndexes();
        return store;
    }

    @Bean
    StatusProjection statusProjection(MongoStatusStore store) {
        return new StatusProjection(store);
    }

    @Bean
    StatusQueries statusQueries(MongoStatusStore store, TokenSigner signer, StatusQueryProperties properties,
            ObjectProvider<Clock> clock) {
        return new StatusQueries(store, tokenCheck(signer, properties.tokens().verificationCodeType()),
                tokenCheck(signer, properties.tokens().qrTokenType()), clock.getIfAvailable(Clock::systemUTC));
    }

    private static TokenCheck tokenCheck(TokenSigner signer, String type) {
        return token -> {
            try {
                return TokenCheck.Result.valid(signer.verify(type, token));
            } catch (TokenSigner.InvalidTokenException e) {
                return TokenCheck.Result.invalid(e.getMessage());
            }
        };
    }
}
