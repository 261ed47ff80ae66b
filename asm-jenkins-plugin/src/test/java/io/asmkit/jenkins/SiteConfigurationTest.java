package io.asmkit.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import hudson.ProxyConfiguration;
import hudson.model.Result;
import hudson.util.FormValidation;
import io.asmkit.sandbox.AsmSandbox;
import io.asmkit.sandbox.AsmSandboxExtension;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The site form: URL validation, the test button, and the proxy on every path. */
@WithJenkins
class SiteConfigurationTest {

    @RegisterExtension
    static final AsmSandboxExtension SANDBOX = new AsmSandboxExtension();

    private JenkinsRule r;
    private AsmSandbox sandbox;
    private AsmSite.DescriptorImpl descriptor;
    private HttpServer proxy;
    private final List<String> proxied = new CopyOnWriteArrayList<>();

    @BeforeEach
    void configure(JenkinsRule rule) throws Exception {
        r = rule;
        sandbox = SANDBOX.get();
        AsmTestSupport.configurePasswordSite(r, sandbox);
        descriptor = r.jenkins.getDescriptorByType(AsmSite.DescriptorImpl.class);
    }

    @AfterEach
    void stopProxy() {
        if (proxy != null) {
            proxy.stop(0);
        }
    }

    @Test
    void checksTheBaseUrlWithTheClientsOwnRule() {
        assertThat(descriptor.doCheckUrl("https://asm.example.org/production").kind)
                .isEqualTo(FormValidation.Kind.OK);
        assertThat(descriptor.doCheckUrl("http://asm.example.org/production").kind)
                .isEqualTo(FormValidation.Kind.WARNING);
        assertThat(descriptor.doCheckUrl("ftp://asm.example.org").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(descriptor.doCheckUrl("").kind).isEqualTo(FormValidation.Kind.ERROR);
    }

    @Test
    void testConnectionSucceedsWithGoodCredentials() {
        FormValidation result = testConnection(AsmTestSupport.LOGIN_CREDENTIALS);

        assertThat(result.kind).isEqualTo(FormValidation.Kind.OK);
        // FormValidation escapes HTML, quotes included, so look for words only.
        assertThat(result.getMessage()).contains("Connected to").contains("sandbox");
    }

    @Test
    void testConnectionReportsRefusedCredentialsWithoutTheirSecret() throws Exception {
        AsmTestSupport.addTokenCredentials(r, sandbox);
        sandbox.expireAccessTokens();

        FormValidation result = testConnection(AsmTestSupport.TOKEN_CREDENTIALS);

        assertThat(result.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(result.getMessage()).contains("Could not use").doesNotContain("Bearer");
    }

    @Test
    void testConnectionGoesThroughTheJenkinsProxy() throws Exception {
        startRecordingProxy();
        r.jenkins.proxy = new ProxyConfiguration("127.0.0.1", proxy.getAddress().getPort());

        FormValidation result = testConnection(AsmTestSupport.LOGIN_CREDENTIALS);

        assertThat(result.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(proxied).anyMatch(uri -> uri.startsWith(sandbox.baseUrl().toString()));
    }

    @Test
    void stepsGoThroughTheJenkinsProxyAndHonourNoProxyHosts() throws Exception {
        startRecordingProxy();
        r.jenkins.proxy = new ProxyConfiguration("127.0.0.1", proxy.getAddress().getPort());
        WorkflowJob job = AsmTestSupport.pipeline(r, "asmUnlockCall callRef: '1000'");

        r.buildAndAssertStatus(Result.FAILURE, job);
        assertThat(proxied).anyMatch(uri -> uri.startsWith(sandbox.baseUrl().toString()));

        proxied.clear();
        ProxyConfiguration direct =
                new ProxyConfiguration("127.0.0.1", proxy.getAddress().getPort());
        direct.setNoProxyHost("127.0.0.1");
        r.jenkins.proxy = direct;
        WorkflowRun run = r.buildAndAssertSuccess(job);

        r.assertLogContains("ASM: unlocked call 1000 on 'sandbox'", run);
        assertThat(proxied).isEmpty();
    }

    private FormValidation testConnection(String credentialsId) {
        return descriptor.doTestConnection(
                AsmTestSupport.SITE, sandbox.baseUrl().toString(), credentialsId, AsmTestSupport.CLIENT_ID, "", "", "");
    }

    /** A stand-in proxy on 127.0.0.1 that records each request's target and answers 502. */
    private void startRecordingProxy() throws Exception {
        proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", exchange -> {
            proxied.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(502, -1);
            exchange.close();
        });
        proxy.start();
    }
}
