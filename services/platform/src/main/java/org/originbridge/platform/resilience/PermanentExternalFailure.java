package org.originbridge.platform.resilience;

/**
 * An external system refused the request for good (a 4xx other than 408/429): retrying the same
 * request cannot succeed. Callers turn it into a business outcome carrying the reason.
 */
public class PermanentExternalFailure extends RuntimeException {

    private final int status;
    private final String responseBody;

    public PermanentExternalFailure(String message, int status, String responseBody, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.responseBody = responseBody;
    }

    public int status() {
        return status;
    }

    public String responseBody() {
        return responseBody;
    }
}
