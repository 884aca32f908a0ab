package org.originbridge.ccpit;

import org.originbridge.platform.avro.AvroTrust;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CcpitSyncApplication {

    static {
        AvroTrust.trustEventPackages();
    }

    public static void main(String[] args) {
        SpringApplication.run(CcpitSyncApplication.class, args);
    }
}
