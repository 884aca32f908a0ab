package org.originbridge.subscriptions.domain;

import java.util.List;

/** One page of a history; {@code next} is the cursor of the following page, null at the end. */
public record Page<T>(List<T> items, String next) {
}
