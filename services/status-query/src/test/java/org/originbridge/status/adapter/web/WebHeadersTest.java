package org.originbridge.status.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class WebHeadersTest {

    @Test
    void pagesMayNotBeFramedAndRunNoInlineScript() throws Exception {
        MockHttpServletResponse response = run(new WebHeaders(List.of("https://exporter.example")), "/verify/R-1");
        assertThat(response.getHeader("Content-Security-Policy")).contains("script-src 'self'")
                .doesNotContain("unsafe").endsWith("frame-ancestors 'none'");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void theIframeCardMayBeFramedByTheConfiguredOrigins() throws Exception {
        MockHttpServletResponse response = run(new WebHeaders(List.of("https://a.example", "http://127.0.0.1:8090")),
                "/embed/frame");
        assertThat(response.getHeader("Content-Security-Policy"))
                .endsWith("frame-ancestors https://a.example http://127.0.0.1:8090");
        assertThat(run(new WebHeaders(List.of()), "/embed/frame").getHeader("Content-Security-Policy"))
                .endsWith("frame-ancestors 'none'");
    }

    @Test
    void theModulesFilesMayBeLoadedCrossOrigin() throws Exception {
        MockHttpServletResponse response = run(new WebHeaders(List.of()), "/embed/originbridge.js");
        assertThat(response.getHeader("Cross-Origin-Resource-Policy")).isEqualTo("cross-origin");
        assertThat(response.getHeader("Content-Security-Policy")).isNull();
        assertThat(run(new WebHeaders(List.of()), "/api/v1/declarations").getHeader("Referrer-Policy")).isNull();
    }

    @Test
    void aConfiguredAncestorThatIsNotAnOriginIsRefusedAtStartUp() {
        // a policy injection through configuration
        assertThatThrownBy(() -> new WebHeaders(List.of("https://a.example; script-src *")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebHeaders(List.of("javascript:alert(1)"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static MockHttpServletResponse run(WebHeaders headers, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        headers.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
