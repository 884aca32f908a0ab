package org.originbridge.status;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** status-query: the read model of every topic and the APIs on top of it. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StatusQueryApplication {

    public static void main(String[] args) {
        SpringApplication.run(StatusQueryApplication.class, args);
    }
}
