package org.originbridge.sandbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Plays the external parties that have no public API (ASW, CCPIT, a DCSA port/carrier feed),
 * each behind a contract we document ourselves under {@code /openapi/*.yaml}. Services reach it
 * by URL only, so a real endpoint replaces it without code changes.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SandboxApplication {

    public static void main(String[] args) {
        SpringApplication.run(SandboxApplication.class, args);
    }
}
