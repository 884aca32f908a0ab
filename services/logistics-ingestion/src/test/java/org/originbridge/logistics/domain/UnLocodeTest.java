package org.originbridge.logistics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnLocodeTest {

    @Test
    void carriersOldShanghaiCodeIsNormalisedToCnsgh() {
        assertThat(UnLocode.parse("CNSHA").code()).isEqualTo("CNSGH");
        assertThat(UnLocode.parse(" cn sha ").code()).isEqualTo("CNSGH");
    }

    @ParameterizedTest(name = "''{0}'' is the code scoring compares, CNSGH")
    @ValueSource(strings = {"CN SHA", "cnsha", "CNSHA", "CNSGH", "cn sgh"})
    void everySpellingOfShanghaiIsOneCodeTheSameAsOriginCores(String spelling) {
        UnLocode parsed = UnLocode.parse(spelling);

        assertThat(parsed).isEqualTo(new UnLocode("CNSGH"));
        assertThat(parsed.code()).isEqualTo(org.originbridge.origin.code.UnLocode.parse(spelling).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"QQSHA", "CN SH1", "C NSHA"})
    void theCanonicalConstructorRefusesWhatTheParserRefuses(String raw) {
        assertThatThrownBy(() -> new UnLocode(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"CNYSA,Yangshan", "CNSGH,Shanghai", "VNCMT,Cai Mep International Terminal", "VNTOT,Cai Mep",
            "MYPKG,Port Klang", "MYWSP,Westport", "MYLPK,Northport"})
    void knownPortsHaveNodeNames(String code, String name) {
        assertThat(UnLocode.parse(code).nodeName()).contains(name);
    }

    @Test
    void otherValidCodesHaveNoNodeName() {
        assertThat(UnLocode.parse("SGSIN").nodeName()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "CN", "CNSHAX", "C1SHA", "CNSH1", "CN-SHA", "CNS A"})
    void malformedCodesAreRefused(String raw) {
        assertThatThrownBy(() -> UnLocode.parse(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zoneComesFromSingleZoneCountriesElseUtc() {
        assertThat(UnLocode.parse("MYPKG").zone()).isEqualTo(ZoneId.of("Asia/Kuala_Lumpur"));
        assertThat(UnLocode.parse("VNCMT").zone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(UnLocode.parse("AUSYD").zone()).isEqualTo(ZoneOffset.UTC);
    }
}
