package org.originbridge.logistics;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** logistics-ingestion: port and carrier events (DCSA, EDIFACT) to {@code logistics-node-events}. */
@SpringBootApplication
public class LogisticsIngestionApplication {

    public static void main(String[] args) {
        SpringApplication.run(LogisticsIngestionApplication.class, args);
    }
}
