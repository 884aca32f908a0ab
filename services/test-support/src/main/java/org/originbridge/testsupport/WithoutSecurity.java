package org.originbridge.testsupport;

/**
 * For a non-OriginBridge application started in a test JVM that has the platform on its classpath
 * (the sandbox): the auto-configurations that would put the services' resource-server security in
 * front of it, to append to {@code --spring.autoconfigure.exclude=}.
 */
public final class WithoutSecurity {

    public static final String AUTOCONFIGURATIONS = String.join(",",
            "org.originbridge.platform.security.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration");

    private WithoutSecurity() {
    }
}
