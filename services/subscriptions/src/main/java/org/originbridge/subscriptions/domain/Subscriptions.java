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

    long countOwnedBy(String clientId);
}
