package org.originbridge.platform.signing;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The human verification code: 10 random symbols (50 bits) and 1 check symbol from Crockford's
 * base32 alphabet ({@value #ALPHABET}: no I, L, O, U), printed as {@code XXXX-XXXX-XXX}. Read back
 * case-insensitively, ignoring spaces and hyphens, with Crockford's aliases (O = 0, I = L = 1).
 *
 * <p>Check symbol: the 11 symbol values c0..c10, as elements of GF(32) (polynomial x^5 + x^2 + 1),
 * satisfy sum(alpha^i * c_i) = 0 with alpha = x. Any single substitution changes the sum by
 * alpha^i * d with d != 0; any adjacent transposition by alpha^i * (a + b) * (1 + alpha), non-zero
 * when a != b: both are always detected (tested exhaustively in ShortCodeTest).
 */
public final class ShortCode {

    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int DATA_LENGTH = 10;
    public static final int LENGTH = DATA_LENGTH + 1;
    private static final int POLY = 0b100101;
    private static final RandomGenerator RANDOM = new SecureRandom();

    private ShortCode() {
    }

    /** A new random code (canonical form, no separators). */
    public static String generate() {
        return generate(RANDOM);
    }

    static String generate(RandomGenerator random) {
        StringBuilder data = new StringBuilder(DATA_LENGTH);
        for (int i = 0; i < DATA_LENGTH; i++) {
            data.append(ALPHABET.charAt(random.nextInt(32)));
        }
        return withCheck(data.toString());
    }

    /** The data symbols followed by their check symbol. */
    public static String withCheck(String data) {
        int sum = 0;
        for (int i = 0; i < data.length(); i++) {
            sum ^= multiply(power(i), value(data.charAt(i)));
        }
        // sum + alpha^n * c = 0  =>  c = sum / alpha^n (in characteristic 2, -sum = sum)
        return data + ALPHABET.charAt(multiply(sum, inverse(power(data.length()))));
    }

    /** The canonical form (upper case, no separators, aliases resolved) of a well-formed code with a correct check symbol. */
    public static Optional<String> normalise(String input) {
        if (input == null || input.length() > 40) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(LENGTH);
        for (char c : input.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == ' ' || c == '-') {
                continue;
            }
            char symbol = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(symbol) < 0) {
                return Optional.empty();
            }
            out.append(symbol);
        }
        if (out.length() != LENGTH) {
            return Optional.empty();
        }
        String code = out.toString();
        return checks(code) ? Optional.of(code) : Optional.empty();
    }

    /** true when the check symbol matches. */
    public static boolean checks(String canonical) {
        int sum = 0;
        for (int i = 0; i < canonical.length(); i++) {
            int v = ALPHABET.indexOf(canonical.charAt(i));
            if (v < 0) {
                return false;
            }
            sum ^= multiply(power(i), v);
        }
        return sum == 0;
    }

    /** Printed form: {@code XXXX-XXXX-XXX}. */
    public static String display(String canonical) {
        return canonical.substring(0, 4) + "-" + canonical.substring(4, 8) + "-" + canonical.substring(8);
    }

    // ------------------------------------------------------------------ GF(32)

    private static int value(char c) {
        int v = ALPHABET.indexOf(c);
        if (v < 0) {
            throw new IllegalArgumentException("not a Crockford base32 symbol: " + c);
        }
        return v;
    }

    static int multiply(int a, int b) {
        int product = 0;
        while (b != 0) {
            if ((b & 1) != 0) {
                product ^= a;
            }
            b >>= 1;
            a <<= 1;
            if ((a & 0b100000) != 0) {
                a ^= POLY;
            }
        }
        return product;
    }

    private static int power(int exponent) {
        int result = 1;
        for (int i = 0; i < exponent; i++) {
            result = multiply(result, 2);
        }
        return result;
    }

    private static int inverse(int a) {
        for (int b = 1; b < 32; b++) {
            if (multiply(a, b) == 1) {
                return b;
            }
        }
        throw new ArithmeticException("0 has no inverse");
    }
}
