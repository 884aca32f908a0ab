package org.originbridge.platform.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestSizeLimitFilterTest {

    private static final int LIMIT = 1024 * 1024;
    private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(LIMIT);

    @Test
    void aTwelveMegabyteBodyIs413ProblemJsonWithoutReachingTheApplication() throws Exception {
        MockHttpServletRequest request = post(new byte[12 * 1024 * 1024]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<Object> reached = new AtomicReference<>();

        filter.doFilter(request, response, (req, res) -> reached.set(req));

        assertThat(reached.get()).isNull();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":413", "at most 1048576 bytes");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/api/v1/x") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        chunked.addHeader("Transfer-Encoding", "chunked");
        chunked.setContent(new byte[LIMIT + 1]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<Object> reached = new AtomicReference<>();

        filter.doFilter(chunked, response, (req, res) -> reached.set(req));

        assertThat(reached.get()).isNull();
        assertThat(response.getStatus()).isEqualTo(413);
    }

    @Test
    void aChunkedBodyWithinTheLimitReachesTheApplicationWhole() throws Exception {
        MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/api/v1/x") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        chunked.addHeader("Transfer-Encoding", "chunked");
        chunked.setContent("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> body = new AtomicReference<>();

        filter.doFilter(chunked, response, (req, res) -> body.set(new String(req.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8)));

        assertThat(body.get()).isEqualTo("{\"a\":1}");
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void aBodyAtTheLimitPasses() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<Object> reached = new AtomicReference<>();

        filter.doFilter(post(new byte[LIMIT]), response, (req, res) -> reached.set(req));

        assertThat(reached.get()).isNotNull();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    private static MockHttpServletRequest post(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/declarations");
        request.setContentType("application/json");
        request.setContent(body);
        return request;
    }
}
