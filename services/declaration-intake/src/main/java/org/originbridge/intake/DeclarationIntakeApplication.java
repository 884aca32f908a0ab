package org.originbridge.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** declaration-intake: takes RCEP proofs of origin, validates them (Annex 3B), pre-checks origin, publishes the verdict. */
@SpringBootApplication
public class DeclarationIntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(DeclarationIntakeApplication.class, args);
    }
}
