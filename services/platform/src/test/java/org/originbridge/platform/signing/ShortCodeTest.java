package org.originbridge.platform.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ShortCodeTest {

    @Test
    void aCodeIsElevenUnambiguousSymbolsWithAValidCheck() {
        for (int i = 0; i < 1000; i++) {
            String code = ShortCode.generate();
            assertThat(code).hasSize(11).matches("[0-9A-HJKMNP-TV-Z]{11}");
            assertThat(ShortCode.checks(code)).isTrue();
        }
    }

    @Test
    void everySingleSubstitutionIsDetected() {
        Random random = new Random(42);
        for (int n = 0; n < 200; n++) {
            String code = ShortCode.generate(random);
            for (int position = 0; position < code.length(); position++) {
                for (char symbol : ShortCode.ALPHABET.toCharArray()) {
                    if (symbol == code.charAt(position)) {
                        continue;
                    }
                    String typo = code.substring(0, position) + symbol + code.substring(position + 1);
                    assertThat(ShortCode.checks(typo)).as("%s -> %s", code, typo).isFalse();
                }
            }
        }
    }

    @Test
    void everyAdjacentTranspositionIsDetected() {
        // all pairs of distinct symbols at every adjacent position pair, around a random code
        Random random = new Random(7);
        String base = ShortCode.generate(random);
        for (int position = 0; position + 1 < base.length(); position++) {
            for (char a : ShortCode.ALPHABET.toCharArray()) {
                for (char b : ShortCode.ALPHABET.toCharArray()) {
                    if (a == b) {
                        continue;
                    }
                    String data = base.substring(0, ShortCode.DATA_LENGTH);
                    // build a valid code with a,b at (position, position+1), then swap them
                    String valid = position + 1 < ShortCode.DATA_LENGTH
                            ? ShortCode.withCheck(data.substring(0, position) + a + b + data.substring(position + 2))
                            : validEndingWith(data.substring(0, ShortCode.DATA_LENGTH - 1), a);
                    if (position + 1 == ShortCode.DATA_LENGTH && valid.charAt(position + 1) != b) {
                        continue; // the check symbol is determined by the data
                    }
                    String swapped = valid.substring(0, position) + valid.charAt(position + 1) + valid.charAt(position)
                            + valid.substring(position + 2);
                    assertThat(ShortCode.checks(valid)).isTrue();
                    if (!swapped.equals(valid)) {
                        assertThat(ShortCode.checks(swapped)).as("%s -> %s", valid, swapped).isFalse();
                    }
                }
            }
        }
    }

    private static String validEndingWith(String prefix, char last) {
        return ShortCode.withCheck(prefix + last);
    }

    @Test
    void readingIsCaseInsensitiveToleratesSeparatorsAndCrockfordAliases() {
        String code = ShortCode.withCheck("0123ABCD1X");

        assertThat(ShortCode.normalise(code)).contains(code);
        assertThat(ShortCode.normalise(ShortCode.display(code).toLowerCase())).contains(code);
        assertThat(ShortCode.normalise(" o123 abcd-lx" + code.substring(10).toLowerCase())).contains(code);
        assertThat(ShortCode.display(code)).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}");
    }

    @Test
    void wrongLengthForeignSymbolsAndBadChecksAreRefused() {
        String code = ShortCode.withCheck("0123ABCD1X");

        assertThat(ShortCode.normalise(code.substring(1))).isEmpty();
        assertThat(ShortCode.normalise(code + "0")).isEmpty();
        assertThat(ShortCode.normalise(code.replace('A', 'U'))).isEmpty();
        assertThat(ShortCode.normalise("eyJhbGciOiJFUzI1NiJ9.x.y")).isEmpty();
        assertThat(ShortCode.normalise(null)).isEmpty();
    }
}
