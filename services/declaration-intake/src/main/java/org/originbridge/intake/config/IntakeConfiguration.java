package org.originbridge.intake.config;

import java.time.Clock;

import org.originbridge.intake.domain.ActiveRules;
import org.originbridge.intake.domain.DeclarationOutcomes;
import org.originbridge.intake.domain.ErpEvidence;
import org.originbridge.intake.domain.ErpImports;
import org.originbridge.intake.domain.ErpStore;
import org.originbridge.intake.domain.DeclarationOwnership;
import org.originbridge.intake.domain.DeclarationScreening;
import org.originbridge.intake.domain.IntakeMetrics;
import org.originbridge.intake.domain.OriginPreChecker;
import org.originbridge.intake.domain.ScreenSubmittedDeclaration;
import org.originbridge.intake.domain.SubmissionChannel;
import org.originbridge.intake.domain.SubmitDeclaration;
import org.originbridge.intake.domain.TenantOwnership;
import org.originbridge.origin.declaration.DeclarationValidator;
import org.originbridge.origin.bom.BomLimits;
import org.originbridge.origin.determination.OriginDeterminer;
import org.originbridge.origin.rule.HsCorrelation;
import org.originbridge.origin.rule.HsEdition;
import org.originbridge.origin.json.DeterminationJson;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.originbridge.platform.kafka.KeyedBatch;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the plain-Java use cases (domain classes carry no annotations) to their adapters, which are
 * {@code @Component}s; the {@link Clock} is the platform's (docs/CONVENTIONS.md "One way each").
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IntakeProperties.class, IntakeListenerProperties.class})
public class IntakeConfiguration {

    @Bean
    ActiveRules activeRules(ErpStore store, IntakeProperties properties, Clock clock) {
        IntakeProperties.Rules rules = properties.rules();
        return new ActiveRules(store, rules.agreement(), HsEdition.parse(rules.declarationsHsEdition()),
                HsCorrelation.loadDefault(), clock, rules.refresh());
    }

    @Bean
    OriginDeterminer originDeterminer(ActiveRules rules) {
        return new OriginDeterminer(rules);
    }

    @Bean
    ErpImports erpImports(ErpStore store, Clock clock) {
        return new ErpImports(store, clock, BomLimits.DEFAULT);
    }

    @Bean
    DeterminationJson determinationJson(OriginDeterminer determiner) {
        return new DeterminationJson(determiner);
    }

    @Bean
    DeclarationScreening declarationScreening(OriginDeterminer determiner, DeclarationOutcomes outcomes,
            IntakeMetrics metrics, Clock clock, ErpStore store, ErpImports imports) {
        return new DeclarationScreening(new DeclarationValidator(clock), new OriginPreChecker(determiner,
                ErpEvidence.stored(store, imports, clock, BomLimits.DEFAULT)), outcomes, metrics, clock);
    }

    @Bean
    TenantOwnership tenantOwnership(DeclarationOwnership store) {
        return new TenantOwnership(store);
    }

    @Bean
    ScreenSubmittedDeclaration screenSubmittedDeclaration(TenantOwnership ownership, DeclarationScreening screening) {
        return new ScreenSubmittedDeclaration(ownership, screening);
    }

    /**
     * The listener's batches, screened concurrently per declaration id on a pool of
     * {@code originbridge.intake.listener.concurrency} threads (issue 11); the pool closes with the context.
     */
    @Bean
    KeyedBatch<String, Object> screeningBatch(IntakeListenerProperties listener) {
        return KeyedBatch.withOwnPool(listener.concurrency(), "intake-screen-", listener.retryInPlaceFor());
    }

    @Bean
    SubmitDeclaration submitDeclaration(SubmissionChannel channel, TenantOwnership ownership, Clock clock) {
        return new SubmitDeclaration(channel, ownership, clock);
    }
}
