package org.originbridge.logistics.adapter.edifact;

import java.util.List;

/**
 * One EDIFACT segment as read: its tag and its elements, each a list of components (a simple
 * element is a composite of one).
 */
record Segment(String tag, List<List<String>> elements) {

    /** Element {@code element}, component {@code component}, both 1-based; null when absent or empty. */
    String value(int element, int component) {
        if (element < 1 || element > elements.size()) {
            return null;
        }
        List<String> components = elements.get(element - 1);
        if (component < 1 || component > components.size()) {
            return null;
        }
        String value = components.get(component - 1);
        return value == null || value.isBlank() ? null : value.trim();
    }

    String value(int element) {
        return value(element, 1);
    }
}
