package org.originbridge.intake.domain;

/** Port: publishes the verdict on a declaration (coo-declarations-accepted / -rejected, key = declaration id). */
public interface DeclarationOutcomes {

    /** Returns once the verdict is durably published; throws otherwise. */
    void publish(ScreeningVerdict verdict);
}
