package org.originbridge.subscriptions.adapter.kafka;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericRecord;

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
        } else if (v instanceof Instant || v instanceof Temporal || v instanceof CharSequence
                || v instanceof GenericContainer || v instanceof Enum<?>) {
            quote(v.toString(), b);
        } else {
            quote(v.toString(), b);
        }
    }

    private static void quote(String s, StringBuilder b) {
        b.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
