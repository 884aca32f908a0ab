package org.originbridge.origin.declaration;

/** A name and address: exporter (a), producer (b) or importer/consignee (c). */
public record Trader(String name, String address) {
}
