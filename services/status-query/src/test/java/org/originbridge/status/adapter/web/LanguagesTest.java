package org.originbridge.status.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class LanguagesTest {

    private final Languages languages = new Languages();

    @Test
    void theLangParameterWinsOverAcceptLanguage() {
        MockHttpServletRequest request = request("vi");
        request.setParameter("lang", "zh-CN");
        assertThat(languages.resolveLocale(request)).isEqualTo(new Locale("zh"));
    }

    @Test
    void theFirstSupportedAcceptLanguageIsUsed() {
        assertThat(languages.resolveLocale(request("fr-FR, ms;q=0.9, en;q=0.5"))).isEqualTo(new Locale("ms"));
        assertThat(languages.resolveLocale(request("vi-VN"))).isEqualTo(new Locale("vi"));
    }

    @Test
    void anythingElseIsEnglish() {
        assertThat(languages.resolveLocale(new MockHttpServletRequest())).isEqualTo(Locale.ENGLISH);
        assertThat(languages.resolveLocale(request("fr, de"))).isEqualTo(Locale.ENGLISH);
        MockHttpServletRequest hostile = request("fr");
        hostile.setParameter("lang", "\"><script>alert(1)</script>");
        assertThat(languages.resolveLocale(hostile)).isEqualTo(Locale.ENGLISH);
        hostile.setParameter("lang", "vi".repeat(1000));
        assertThat(languages.resolveLocale(hostile)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void onlyTheFourLanguagesAreSupported() {
        assertThat(Languages.SUPPORTED).containsExactly("en", "zh", "vi", "ms");
        assertThat(Languages.supported("MS_my")).isEqualTo(new Locale("ms"));
        assertThat(Languages.supported("th")).isNull();
        assertThat(Languages.supported(null)).isNull();
    }

    private static MockHttpServletRequest request(String acceptLanguage) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Accept-Language", acceptLanguage);
        request.setPreferredLocales(java.util.Arrays.stream(acceptLanguage.split(","))
                .map(s -> Locale.forLanguageTag(s.split(";")[0].trim())).toList());
        return request;
    }
}
