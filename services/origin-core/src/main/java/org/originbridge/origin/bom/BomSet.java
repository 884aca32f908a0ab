package org.originbridge.origin.bom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The bills of materials read from one upload: for each parent material (the header material and every
 * assembly of a multi-level export), its direct component lines, in file order. All values of one upload are for
 * the same production quantity (as CS12 explodes a BOM for the header's required quantity), so an assembly's own
 * line value and its components' values can be compared.
 */
public final class BomSet implements BomLibrary {
    private final String rootMaterial;
    private final Map<String, List<BomLine>> byParent;
    private final Map<String, BomLine> ownLine = new HashMap<>();

    private BomSet(String rootMaterial, Map<String, List<BomLine>> byParent) {
        this.rootMaterial = Objects.requireNonNull(rootMaterial, "rootMaterial");
        Map<String, List<BomLine>> copy = new LinkedHashMap<>();
        byParent.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.byParent = Collections.unmodifiableMap(copy);
        for (List<BomLine> lines : this.byParent.values()) {
            for (BomLine l : lines) {
                if (this.byParent.containsKey(l.componentId())) {
                    ownLine.putIfAbsent(l.componentId(), l);
                }
            }
        }
    }

    /** Groups lines by their parent. */
    public static BomSet of(String rootMaterial, List<BomLine> lines) {
        Map<String, List<BomLine>> map = new LinkedHashMap<>();
        for (BomLine l : lines) {
            map.computeIfAbsent(l.parent(), k -> new ArrayList<>()).add(l);
        }
        return new BomSet(rootMaterial, map);
    }

    @Override
    public Optional<Assembly> assembly(String material) {
        List<BomLine> lines = byParent.get(material);
        if (lines == null) {
            return Optional.empty();
        }
        BomLine own = ownLine.get(material); // the header material has none
        return Optional.of(new Assembly(lines, own == null ? null : own.value(), own == null ? null : own.currency()));
    }

    /** The header material the upload is for. */
    public String rootMaterial() {
        return rootMaterial;
    }

    /** Parent material -> its component lines. */
    public Map<String, List<BomLine>> byParent() {
        return byParent;
    }

    /** The materials that have a BOM in this upload. */
    public Set<String> parents() {
        return byParent.keySet();
    }

    /** Lines in all BOMs of the upload. */
    public int lineCount() {
        return byParent.values().stream().mapToInt(List::size).sum();
    }

    /** Every line of the upload, parent by parent. */
    public List<BomLine> lines() {
        return byParent.values().stream().flatMap(List::stream).toList();
    }
}
