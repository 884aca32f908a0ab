package org.originbridge.origin.declaration;

import java.util.ArrayList;
import java.util.List;

import org.originbridge.origin.FieldError;
import org.originbridge.origin.InputLimits;
import org.originbridge.origin.code.Ids;
import org.originbridge.origin.code.InvalidCodeException;

/**
 * {@link InputLimits} for the fields of a declaration that are not Annex 3B data, checked by
 * {@link DeclarationValidator} after the Annex 3B fields: the consignment's join references, which become keys in logistics and
 * status views, free text kept only by intake, and the size of each bill of materials. Whatever the
 * channel (HTTP or Kafka), these are problems of the declaration and end in its rejection.
 */
final class SubmittedFieldLimits {

    private SubmittedFieldLimits() {
    }

    static List<FieldError> check(Declaration d) {
        List<FieldError> problems = new ArrayList<>();
        InputLimits limits = InputLimits.DEFAULT;
        Declaration.Consignment c = d.consignment();
        if (c != null) {
            limits.tooLong("consignment.voyageNumber", c.voyageNumber()).ifPresent(problems::add);
            reference(problems, "consignment.transportDocumentReference", c.transportDocumentReference());
            reference(problems, "consignment.bookingReference", c.bookingReference());
            InputLimits.tooMany("consignment.equipmentReferences", c.equipmentReferences().size(),
                    limits.maxListItems(), "equipment references").ifPresentOrElse(problems::add, () -> {
                        for (int i = 0; i < c.equipmentReferences().size(); i++) {
                            reference(problems, "consignment.equipmentReferences[" + i + "]", c.equipmentReferences().get(i));
                        }
                    });
        }
        if (d.exporterDeclaration() != null) {
            limits.tooLong("exporterDeclaration.place", d.exporterDeclaration().place()).ifPresent(problems::add);
        }
        if (d.certification() != null) {
            limits.tooLong("certification.officialSealReference", d.certification().officialSealReference())
                    .ifPresent(problems::add);
        }
        if (d.goods().size() > limits.maxGoodsItems()) {
            return problems; // the validator reports the count; no item is looked at
        }
        for (int i = 0; i < d.goods().size(); i++) {
            Declaration.GoodsItem g = d.goods().get(i);
            if (g == null || g.billOfMaterials() == null) {
                continue;
            }
            String bom = "goods[" + i + "].billOfMaterials";
            List<Declaration.BomMaterial> materials = g.billOfMaterials().materials();
            InputLimits.tooMany(bom + ".materials", materials.size(), limits.maxMaterialsPerItem(), "materials")
                    .ifPresent(problems::add);
            if (materials.size() > limits.maxMaterialsPerItem()) {
                continue;
            }
            for (int j = 0; j < materials.size(); j++) {
                Declaration.BomMaterial m = materials.get(j);
                String path = bom + ".materials[" + j + "]";
                if (m.materialId() != null) {
                    id(problems, path + ".materialId", m.materialId());
                }
                limits.tooLong(path + ".description", m.description()).ifPresent(problems::add);
            }
        }
        return problems;
    }

    /** Whether the pre-check may look at the goods items at all (it is skipped beyond the limits). */
    static boolean withinStructuralLimits(Declaration d) {
        InputLimits limits = InputLimits.DEFAULT;
        return d.goods().size() <= limits.maxGoodsItems() && d.goods().stream().allMatch(g -> g == null
                || g.billOfMaterials() == null || g.billOfMaterials().materials().size() <= limits.maxMaterialsPerItem());
    }

    private static void reference(List<FieldError> problems, String field, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        try {
            Ids.parseReference(value);
        } catch (InvalidCodeException e) {
            problems.add(new FieldError(field, e.code(), e.getMessage()));
        }
    }

    private static void id(List<FieldError> problems, String field, String value) {
        try {
            Ids.parse(value);
        } catch (InvalidCodeException e) {
            problems.add(new FieldError(field, e.code(), e.getMessage()));
        }
    }
}
