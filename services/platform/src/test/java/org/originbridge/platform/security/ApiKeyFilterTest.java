package org.originbridge.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ApiKeyFilterTest {

    private final ApiKeyFilter filter = new ApiKeyFilter(new SecurityProperties(
            List.of("key-one", " key-two "), List.of("/api/v1/public/**"), 3));

    @Test
    void aRequestWithoutKeyIsRefusedWithProblemJson() throws Exception {
        MockHttpServletResponse response = run(request("/api/v1/declarations"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("Missing API key");
    }

    @Test
    void anUnknownKeyIsRefused() throws Exception {
        MockHttpServletRequest request = request("/api/v1/declarations");
        request.addHeader("Authorization", "Bearer key-three");

        assertThat(run(request).getStatus()).isEqualTo(401);
    }

    @Test
    void aKnownKeyPassesAsBearerOrHeader() throws Exception {
        MockHttpServletRequest bearer = request("/api/v1/declarations");
        bearer.addHeader("Authorization", "Bearer key-one");
        MockHttpServletRequest header = request("/api/v1/declarations");
        header.addHeader("X-Api-Key", "key-two");

        assertThat(run(bearer).getStatus()).isEqualTo(200);
        assertThat(run(header).getStatus()).isEqualTo(200);
    }

    @Test
    void publicPathsPassWithoutKeyUntilTheRateLimit() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(run(request("/api/v1/public/verifications/CO-1")).getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse limited = run(request("/api/v1/public/verifications/CO-1"));

        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getHeader("Retry-After")).isEqualTo("60");
    }

    @Test
    void aPathThatCouldNormaliseOutOfThePublicAreaIsRefused() throws Exception {
        for (String uri : List.of("/api/v1/public/../declarations/D-1", "/api/v1/public/%2e%2e/declarations/D-1",
                "/api/v1/public/..%2fdeclarations/D-1", "/api/v1/public//x", "/api/v1/public/x;jsessionid=1",
                "/api/v1/public/./x")) {
            MockHttpServletResponse response = run(request(uri));

            assertThat(response.getStatus()).as(uri).isEqualTo(400);
        }
    }

    @Test
    void nothingOutsideApiIsFiltered() throws Exception {
        assertThat(run(request("/actuator/health")).getStatus()).isEqualTo(200);
    }

    @Test
    void withoutConfiguredKeysEveryProtectedRequestIsRefused() throws Exception {
        ApiKeyFilter closed = new ApiKeyFilter(new SecurityProperties(List.of(""), List.of(), 10));
        MockHttpServletRequest request = request("/api/v1/declarations");
        request.addHeader("Authorization", "Bearer ");
        MockHttpServletResponse response = new MockHttpServletResponse();

        closed.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(401);
    }

    private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletRequest request(String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setRemoteAddr("127.0.0.9");
        return request;
    }
}
