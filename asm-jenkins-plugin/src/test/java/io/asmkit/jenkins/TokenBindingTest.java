package io.asmkit.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmkit.core.domain.CallRef;
import io.asmkit.sandbox.AsmSandbox;
import io.asmkit.sandbox.AsmSandboxExtension;
import java.util.List;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** {@code asmToken} binds a usable bearer token that never shows in the console. */
@WithJenkins
class TokenBindingTest {

    @RegisterExtension
    static final AsmSandboxExtension SANDBOX = new AsmSandboxExtension();

    private JenkinsRule r;
    private AsmSandbox sandbox;

    @BeforeEach
    void configure(JenkinsRule rule) throws Exception {
        r = rule;
        sandbox = SANDBOX.get();
        AsmTestSupport.configurePasswordSite(r, sandbox);
    }

    @Test
    void bindsASecretTextTokenMaskedInTheConsole() throws Exception {
        String token = AsmTestSupport.addTokenCredentials(r, sandbox);
        WorkflowJob job = AsmTestSupport.pipeline(r, """
                withCredentials([asmToken(credentialsId: '%s', variable: 'T')]) {
                    echo "token is ${env.T}, ${env.T.length()} characters"
                }
                """.formatted(AsmTestSupport.TOKEN_CREDENTIALS));

        WorkflowRun run = r.buildAndAssertSuccess(job);

        r.assertLogContains("ASM: bound a bearer token for 'any site' to T (masked)", run);
        r.assertLogContains("token is ****, " + token.length() + " characters", run);
        r.assertLogNotContains(token, run);
    }

    @Test
    void logsInForAUsernameAndPasswordAndBindsTheAccessToken() throws Exception {
        int loginsBefore = sandbox.loginCount();
        WorkflowJob job = AsmTestSupport.pipeline(r, """
                withCredentials([asmToken(credentialsId: '%s', site: 'sandbox')]) {
                    echo "bound ${env.ASM_TOKEN.length()} characters: ${env.ASM_TOKEN}"
                }
                """.formatted(AsmTestSupport.LOGIN_CREDENTIALS));

        WorkflowRun run = r.buildAndAssertSuccess(job);

        r.assertLogContains("ASM: bound a bearer token for 'sandbox' to ASM_TOKEN (masked)", run);
        r.assertLogContains(": ****", run);
        r.assertLogNotContains(AsmTestSupport.PASSWORD, run);
        assertThat(sandbox.loginCount()).isEqualTo(loginsBefore + 1);
    }

    @Test
    void usesASecretTextTokenForTheStepsToo() throws Exception {
        String token = AsmTestSupport.addTokenCredentials(r, sandbox);
        AsmSite site = new AsmSite("token-site", sandbox.baseUrl().toString(), AsmTestSupport.TOKEN_CREDENTIALS);
        AsmGlobalConfiguration.get().setSites(List.of(site));
        CallRef call = AsmTestSupport.openCall(sandbox);
        WorkflowJob job = AsmTestSupport.pipeline(r, """
                withAsmLock(callRef: '%s') {
                    asmUpdateCall description: 'Deployed with a token'
                }
                """.formatted(call));

        WorkflowRun run = r.buildAndAssertSuccess(job);

        r.assertLogContains("ASM: unlocked call " + call + " on 'token-site'", run);
        r.assertLogNotContains(token, run);
        assertThat(sandbox.requests())
                .filteredOn(request -> request.path().contains("/alemba.api/"))
                .allMatch(request -> request.header("Authorization").orElse("").equals("Bearer " + token));
    }
}
