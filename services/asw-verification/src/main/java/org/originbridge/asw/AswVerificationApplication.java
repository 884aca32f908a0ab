package org.originbridge.asw;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * asw-verification: each DeclarationAccepted is verified against the ASEAN Single Window and a
 * VerificationCompleted published. Start reading at {@link org.originbridge.asw.domain.VerifyDeclaration}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AswVerificationApplication {

    public static void main(String[] args) {
        SpringApplication.run(AswVerificationApplication.class, args);
    }
}
