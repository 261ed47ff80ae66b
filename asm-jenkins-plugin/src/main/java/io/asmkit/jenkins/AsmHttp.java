package io.asmkit.jenkins;

import hudson.ProxyConfiguration;
import java.net.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Builds the HTTP transport of every ASM client from Jenkins' proxy configuration, so that the proxy
 * and its no-proxy hosts apply to the steps, the binding and the "test connection" button alike.
 */
@Restricted(NoExternalUse.class)
final class AsmHttp {

    private AsmHttp() {}

    /** A client with Jenkins' proxy and no-proxy hosts; redirects are not followed (the token stays put). */
    static HttpClient newHttpClient(Duration connectTimeout) {
        return ProxyConfiguration.newHttpClientBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * A warning when requests to {@code url} go through a proxy that needs a password: Jenkins then
     * installs a proxy authenticator, and the JDK's HTTP client (Java 17 to 23, JDK-8326949) drops
     * the {@code Authorization} header we set, so ASM would refuse every request.
     */
    static Optional<String> proxyWarning(String url) {
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        ProxyConfiguration proxy = jenkins == null ? null : jenkins.proxy;
        if (proxy == null || proxy.getName() == null || proxy.getUserName() == null || url == null) {
            return Optional.empty();
        }
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (host == null || proxy.createProxy(host) == Proxy.NO_PROXY) {
            return Optional.empty();
        }
        return Optional.of("Warning: requests to " + host + " go through an authenticated proxy; on Java 17 to 23"
                + " the JDK then drops the bearer token (JDK-8326949). Add " + host + " to the proxy's"
                + " no-proxy hosts, or run Jenkins on Java 24 or newer.");
    }
}
