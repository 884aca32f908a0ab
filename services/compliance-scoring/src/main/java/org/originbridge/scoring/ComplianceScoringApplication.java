package org.originbridge.scoring;

import org.originbridge.platform.avro.AvroTrust;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ComplianceScoringApplication {

    static {
        AvroTrust.trustEventPackages();
    }

    public static void main(String[] args) {
        SpringApplication.run(ComplianceScoringApplication.class, args);
    }
}
