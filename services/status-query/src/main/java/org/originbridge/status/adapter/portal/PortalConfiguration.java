package org.originbridge.status.adapter.portal;

import org.originbridge.platform.signing.TokenSigner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The portal's renderers; the signed copy exists only when status-query has its own signing key. */
@Configuration(proxyBeanMethods = false)
public class PortalConfiguration {

    @Bean
    EcoPdf ecoPdf() {
        return new EcoPdf();
    }

    @Bean
    SignedEcoCopies signedEcoCopies(ObjectProvider<TokenSigner> signer, JsonMapper json, PortalProperties properties) {
        return new SignedEcoCopies(signer::getIfAvailable, json, properties);
    }
}
