package io.asmkit.jenkins;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.util.Secret;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.inmemory.CallStage;
import io.asmkit.feign.AsmClient;
import io.asmkit.sandbox.AsmSandbox;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jvnet.hudson.test.JenkinsRule;

/** Sets Jenkins up against the sandbox: one site, its credentials, and fresh calls. */
final class AsmTestSupport {

    static final String SITE = "sandbox";
    static final String CLIENT_ID = "sandbox-client";
    static final String USER = "deployer";
    static final String PASSWORD = "S3cret-pa55word";
    static final String LOGIN_CREDENTIALS = "asm-login";
    static final String TOKEN_CREDENTIALS = "asm-token";

    private AsmTestSupport() {}

    /** Adds the sandbox as the only (default) site, logging in as {@link #USER} with a password. */
    static void configurePasswordSite(JenkinsRule r, AsmSandbox sandbox) throws Exception {
        sandbox.addUser(USER, PASSWORD, CLIENT_ID);
        addCredentials(
                r,
                new UsernamePasswordCredentialsImpl(
                        CredentialsScope.GLOBAL, LOGIN_CREDENTIALS, "ASM deployer", USER, PASSWORD));

        AsmSite site = new AsmSite(SITE, sandbox.baseUrl().toString(), LOGIN_CREDENTIALS);
        site.setClientId(CLIENT_ID);
        AsmGlobalConfiguration.get().setSites(List.of(site));
    }

    /** Adds a Secret text holding a real sandbox token, and returns the token. */
    static String addTokenCredentials(JenkinsRule r, AsmSandbox sandbox) throws Exception {
        String token = AsmClient.builder(sandbox.baseUrl().toString())
                .passwordLogin(CLIENT_ID, USER, PASSWORD.toCharArray())
                .build()
                .tokens()
                .current()
                .value();
        addCredentials(
                r,
                new StringCredentialsImpl(
                        CredentialsScope.GLOBAL, TOKEN_CREDENTIALS, "ASM token", Secret.fromString(token)));
        return token;
    }

    /** A new Open call, so that tests do not share state through the sandbox. */
    static CallRef openCall(AsmSandbox sandbox) {
        return sandbox.model().addCall(CallStage.OPEN, Map.of("Description", "Deploy", "DescriptionHtml", "Deploy"));
    }

    /** A pipeline job running {@code script} in the Groovy sandbox. */
    static WorkflowJob pipeline(JenkinsRule r, String script) throws Exception {
        return pipeline(r, "p" + r.jenkins.getItems().size(), script);
    }

    /** A pipeline job named {@code name} running {@code script} in the Groovy sandbox. */
    static WorkflowJob pipeline(JenkinsRule r, String name, String script) throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    private static void addCredentials(JenkinsRule r, Credentials credentials) throws Exception {
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(), credentials);
    }
}
