package org.originbridge.status.config;

import java.time.Clock;

import com.mongodb.client.MongoDatabase;
import org.originbridge.platform.signing.TokenSigner;
import org.originbridge.platform.signing.TokenVerifier;
import org.originbridge.status.adapter.mongo.MongoConsistencyState;
import org.originbridge.status.adapter.mongo.MongoStatusStore;
import org.originbridge.status.adapter.signing.PublishedSigningKeys;
import org.originbridge.status.domain.Consistency;
import org.originbridge.status.domain.ConsistencyFacts;
import org.originbridge.status.domain.ConsistencyPublisher;
import org.originbridge.status.domain.StatusProjection;
import org.originbridge.status.domain.route.PortDirectory;
import org.originbridge.status.domain.StatusQueries;
import org.originbridge.status.domain.TokenCheck;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the domain to MongoDB and to the published public keys (no secret: status-query can verify, never sign). */
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
    MongoConsistencyState mongoConsistencyState(MongoDatabase statusDatabase) {
        MongoConsistencyState state = new MongoConsistencyState(statusDatabase);
        state.createIndexes();
        return state;
    }

    /** The consistency report as a fact: origin-core's check on the read model, published when it changes. */
    @Bean
    ConsistencyFacts consistencyFacts(MongoStatusStore store, MongoConsistencyState state,
            ConsistencyPublisher publisher, ObjectProvider<Clock> clock) {
        return new ConsistencyFacts(store, state, state, publisher, new Consistency(PortDirectory.shipped()),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    PublishedSigningKeys publishedSigningKeys(MongoStatusStore store, ObjectProvider<Clock> clock) {
        return new PublishedSigningKeys(store, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    StatusQueries statusQueries(MongoStatusStore store, PublishedSigningKeys keys, StatusQueryProperties properties,
            ObjectProvider<Clock> clock) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        TokenVerifier verifier = new TokenVerifier(keys, time);
        StatusQueryProperties.Tokens tokens = properties.tokens();
        return new StatusQueries(store, tokenCheck(verifier, tokens.verificationCodeType(), tokens.verificationCodeSigner()),
                tokenCheck(verifier, tokens.qrTokenType(), tokens.qrTokenSigner()), time, properties.links().ccpitSync());
    }

    private static TokenCheck tokenCheck(TokenVerifier verifier, String type, String signingService) {
        return token -> {
            try {
                return TokenCheck.Result.valid(verifier.verify(type, signingService, token));
            } catch (TokenSigner.InvalidTokenException e) {
                return TokenCheck.Result.invalid(e.getMessage());
            }
        };
    }
}
