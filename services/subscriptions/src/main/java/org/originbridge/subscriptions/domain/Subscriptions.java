package org.originbridge.subscriptions.domain;

import java.util.List;
import java.util.Optional;

/** Port: the stored subscriptions. */
public interface Subscriptions {

    void save(Subscription subscription);

    Optional<Subscription> byId(String id);

    List<Subscription> ownedBy(String clientId);

    /** Every subscription listing {@code type}. */
    List<Subscription> listening(EventType type);

    boolean delete(String id);

    /**
     * Stores {@code rotated}'s secrets if the stored subscription still has {@code before}'s current
     * secret (compare-and-set: of two concurrent rotations one wins); false otherwise.
     */
    boolean replaceSecrets(Subscription before, Subscription rotated);

    long countOwnedBy(String clientId);
}
