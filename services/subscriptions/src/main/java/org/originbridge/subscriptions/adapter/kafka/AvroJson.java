package org.originbridge.subscriptions.adapter.kafka;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.originbridge.subscriptions.domain.Json;

/**
 * A fact as plain JSON, walking the Avro record: records as objects in schema field order, enums
 * and strings as strings, decimals as strings (exact, e.g. {@code "12.50"}), timestamps and dates
 * as ISO-8601 strings, bytes as base64, arrays and maps as such.
 */
final class AvroJson {

    private AvroJson() {
    }

    static String of(GenericRecord record) {
        StringBuilder b = new StringBuilder();
        write(record, b);
        return b.toString();
    }

    private static void write(Object v, StringBuilder b) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof GenericRecord r) {
            b.append('{');
            boolean first = true;
            for (Schema.Field f : r.getSchema().getFields()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                quote(f.name(), b);
                b.append(':');
                write(r.get(f.pos()), b);
            }
            b.append('}');
        } else if (v instanceof Collection<?> c) {
            b.append('[');
            boolean first = true;
            for (Object item : c) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                write(item, b);
            }
            b.append(']');
        } else if (v instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                quote(String.valueOf(e.getKey()), b);
                b.append(':');
                write(e.getValue(), b);
            }
            b.append('}');
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            b.append(v);
        } else if (v instanceof Float || v instanceof Double) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                b.append(v);
            } else {
                quote(v.toString(), b);
            }
        } else if (v instanceof BigDecimal d) {
            quote(d.toPlainString(), b);
        } else if (v instanceof ByteBuffer buf) {
            ByteBuffer copy = buf.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            quote(Base64.getEncoder().encodeToString(bytes), b);
        } else {
            quote(v.toString(), b); // Instant, Temporal, CharSequence, enum symbols, anything else: their text
        }
    }

    private static void quote(String s, StringBuilder b) {
        b.append(Json.quote(s));
    }
}
