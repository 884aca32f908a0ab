package org.originbridge.status.domain.route;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ports a route can be drawn through: for each UN/LOCODE the route node it belongs to (aliases
 * and terminals of one port collapse into one node, e.g. CNSHA and CNSGH into Yangshan CNYSA) and
 * the node's coordinates. The shipped table is {@code ports.csv} beside this class (its header says
 * where the coordinates come from). A code that is not in the table is a node of its own, without
 * coordinates: the route still lists it, the map cannot place it.
 */
public final class PortDirectory implements org.originbridge.origin.consistency.Ports {

    /** One line of the table; {@code node} is the code of the node this code belongs to. */
    public record Port(String code, String node, String name, double latitude, double longitude) {
    }

    private static final String TABLE = "ports.csv";
    private static final class Shipped {
        static final PortDirectory INSTANCE = load();
    }

    private final Map<String, Port> byCode;

    public PortDirectory(List<Port> ports) {
        Map<String, Port> map = new LinkedHashMap<>();
        for (Port p : ports) {
            map.put(p.code(), p);
        }
        this.byCode = Map.copyOf(map);
    }

    /** The table shipped with status-query. */
    public static PortDirectory shipped() {
        return Shipped.INSTANCE;
    }

    /** Every line of the table (codes and aliases). */
    public List<Port> ports() {
        return List.copyOf(byCode.values());
    }

    /**
     * The node a location code belongs to: the table's node for a known code or alias, else the
     * code itself (trimmed, upper case, the space UN/LOCODE lists print removed); null for blank input.
     */
    @Override
    public String nodeOf(String code) {
        String normal = normalise(code);
        if (normal == null) {
            return null;
        }
        Port port = byCode.get(normal);
        return port == null ? normal : port.node();
    }

    /** The display name of the node a code belongs to; the code (normalised) when the table has no name for it. */
    @Override
    public String nameOf(String code) {
        String node = nodeOf(code);
        return node == null ? String.valueOf(code) : node(node).map(Port::name).orElse(node);
    }

    /** The table entry of a node code (its name and coordinates), empty when the table does not know it. */
    public Optional<Port> node(String nodeCode) {
        return Optional.ofNullable(byCode.get(nodeCode)).map(p -> byCode.getOrDefault(p.node(), p));
    }

    static String normalise(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String c = code.trim().toUpperCase(Locale.ROOT);
        if (c.length() == 6 && c.charAt(2) == ' ') {
            c = c.substring(0, 2) + c.substring(3);
        }
        return c;
    }

    private static PortDirectory load() {
        try (InputStream in = PortDirectory.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is missing from the classpath");
            }
            return new PortDirectory(parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Port> parse(BufferedReader reader) throws IOException {
        List<Port> ports = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 5) {
                throw new IllegalStateException(TABLE + " line " + number + ": expected code,node,name,latitude,longitude");
            }
            double lat = Double.parseDouble(f[3].trim());
            double lon = Double.parseDouble(f[4].trim());
            if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
                throw new IllegalStateException(TABLE + " line " + number + ": coordinates out of range");
            }
            ports.add(new Port(f[0].trim(), f[1].trim(), f[2].trim(), lat, lon));
        }
        return ports;
    }
}
