package org.originbridge.origin.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.bom.BomCsvReader;
import org.originbridge.origin.determination.DeterminationOutcome;
import org.originbridge.origin.determination.DeterminationRequest;
import org.originbridge.origin.determination.Material;
import org.originbridge.origin.json.DeterminationJson;
import org.originbridge.origin.json.RequestOutcome;

/**
 * {@code origin-check [--bom BOM.csv | --add-bom BOM.csv] REQUEST.json|-}
 * <p>Prints the determination JSON and exits 0 (whether or not the good is originating). Invalid input: prints
 * one line per bad field to stderr and exits 1. Usage or I/O problems: exit 2.
 */
public final class OriginCheckCli {
    public static final int OK = 0;
    public static final int INVALID_INPUT = 1;
    public static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: origin-check [--bom BOM.csv | --add-bom BOM.csv] REQUEST.json|-
              REQUEST.json  determination request (JSON); '-' reads standard input
              --bom FILE     CSV bill of materials replacing the request's materials
              --add-bom FILE CSV bill of materials appended to the request's materials
            CSV columns: material,description,hs_code,value,net_weight_kg,origin_status
            exit codes: 0 determination printed, 1 invalid input, 2 usage or I/O error""";

    private OriginCheckCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs the CLI against the given streams and returns the exit code. */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        String requestArg = null;
        String bomFile = null;
        boolean append = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                out.println(USAGE_TEXT);
                return OK;
            } else if (a.equals("--bom") || a.equals("--add-bom")) {
                if (i + 1 >= args.length || bomFile != null) {
                    err.println(bomFile != null ? "origin-check: give at most one --bom/--add-bom"
                            : "origin-check: " + a + " needs a CSV file");
                    err.println(USAGE_TEXT);
                    return USAGE;
                }
                append = a.equals("--add-bom");
                bomFile = args[++i];
            } else if (a.startsWith("--")) {
                err.println("origin-check: unknown option " + a);
                err.println(USAGE_TEXT);
                return USAGE;
            } else if (requestArg == null) {
                requestArg = a;
            } else {
                err.println("origin-check: more than one request file given: " + requestArg + ", " + a);
                err.println(USAGE_TEXT);
                return USAGE;
            }
        }
        if (requestArg == null) {
            err.println("origin-check: no request file given");
            err.println(USAGE_TEXT);
            return USAGE;
        }

        DeterminationJson json = DeterminationJson.withDefaultTable();
        RequestOutcome request;
        try {
            request = requestArg.equals("-") ? json.readRequest(stdin)
                    : json.readRequest(Files.readString(Path.of(requestArg), StandardCharsets.UTF_8));
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("origin-check: cannot read " + requestArg + ": " + e.getMessage());
            return USAGE;
        }

        List<FieldError> errors = new ArrayList<>();
        if (request instanceof RequestOutcome.Invalid invalid) {
            errors.addAll(invalid.errors());
        }
        List<Material> bom = null;
        if (bomFile != null) {
            Path path = Path.of(bomFile);
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                BomCsvReader.BomImport imported = BomCsvReader.read(reader, path.getFileName().toString());
                errors.addAll(imported.errors());
                bom = imported.materials();
            } catch (IOException e) {
                err.println("origin-check: cannot read " + bomFile + ": " + e.getMessage());
                return USAGE;
            }
        }
        if (!errors.isEmpty()) {
            return invalid(err, errors);
        }

        DeterminationRequest parsed = ((RequestOutcome.Parsed) request).request();
        if (bom != null) {
            List<Material> materials = new ArrayList<>(append ? parsed.materials() : List.of());
            materials.addAll(bom);
            parsed = parsed.withMaterials(materials);
        }
        DeterminationOutcome outcome = json.evaluate(parsed);
        if (outcome instanceof DeterminationOutcome.Rejected rejected) {
            return invalid(err, rejected.errors());
        }
        out.println(json.render(outcome));
        return OK;
    }

    private static int invalid(PrintStream err, List<FieldError> errors) {
        err.println("origin-check: invalid input (" + errors.size() + " problem(s)):");
        for (FieldError e : errors) {
            err.println("  " + e.field() + ": " + e.message() + " [" + e.code() + "]");
        }
        return INVALID_INPUT;
    }
}
