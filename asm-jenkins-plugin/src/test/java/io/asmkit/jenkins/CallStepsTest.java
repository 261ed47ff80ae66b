package io.asmkit.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.asmkit.core.domain.CallRef;
import io.asmkit.sandbox.AsmSandbox;
import io.asmkit.sandbox.AsmSandboxExtension;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The one-shot steps, in real pipelines against the sandbox. */
@WithJenkins
class CallStepsTest {

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
    void locksUpdatesAndUnlocksACallAndHandsBackReadableResults() throws Exception {
        CallRef call = AsmTestSupport.openCall(sandbox);
        WorkflowJob job = AsmTestSupport.pipeline(r, """
                def locked = asmLockCall callRef: '%1$s'
                echo "lock: ok=${locked.ok} holder=${locked.holder} callRef=${locked.callRef}"
                def updated = asmUpdateCall callRef: '%1$s', description: 'Deployed 1.4', status: 2,
                        fields: [CustomString1: 'v1.4']
                echo "update: fields=${updated.fields} status=${updated.status}"
                def unlocked = asmUnlockCall callRef: '%1$s'
                echo "unlock: locked=${unlocked.locked}"
                """.formatted(call));

        WorkflowRun run = r.buildAndAssertSuccess(job);

        r.assertLogContains("ASM: locked call " + call + " on 'sandbox'", run);
        r.assertLogContains("lock: ok=true holder=deployer callRef=" + call, run);
        r.assertLogContains(
                "ASM: updated call " + call + " on 'sandbox' (Description, DescriptionHtml, CallStatus, CustomString1)",
                run);
        r.assertLogContains("update: fields=[Description, DescriptionHtml, CallStatus, CustomString1] status=2", run);
        r.assertLogContains("ASM: unlocked call " + call + " on 'sandbox'", run);
        r.assertLogContains("unlock: locked=false", run);
        assertThat(sandbox.model().get(AsmTestSupport.USER, call).description()).contains("Deployed 1.4");
        assertThat(sandbox.model().lockHolder(call)).isEmpty();
        assertThat(sandbox.requests())
                .extracting(request -> request.method() + " " + request.path())
                .contains(
                        "PUT /sandbox/alemba.api/api/v2/call/" + call + "/lock",
                        "PUT /sandbox/alemba.api/api/v2/call/" + call,
                        "PUT /sandbox/alemba.api/api/v2/call/" + call + "/unlock");
    }

    @Test
    void acceptsTheCallReferenceAsAWholeNumber() throws Exception {
        CallRef call = AsmTestSupport.openCall(sandbox);
        WorkflowJob job =
                AsmTestSupport.pipeline(r, "asmLockCall callRef: %s%nasmUnlockCall callRef: %s".formatted(call, call));

        WorkflowRun run = r.buildAndAssertSuccess(job);

        r.assertLogContains("ASM: locked call " + call + " on 'sandbox'", run);
        assertThat(sandbox.model().lockHolder(call)).isEmpty();
    }

    @Test
    void logsInOncePerBuildAndSharesTheSessionBetweenSteps() throws Exception {
        CallRef call = AsmTestSupport.openCall(sandbox);
        int loginsBefore = sandbox.loginCount();
        WorkflowJob job = AsmTestSupport.pipeline(r, """
                asmLockCall callRef: '%1$s'
                asmUpdateCall callRef: '%1$s', description: 'one'
                asmUpdateCall callRef: '%1$s', description: 'two'
                asmUnlockCall callRef: '%1$s'
                """.formatted(call));

        r.buildAndAssertSuccess(job);

        assertThat(sandbox.loginCount()).isEqualTo(loginsBefore + 1);
    }

    @Test
    void failsTheBuildWithAShortMessageWhenAnotherUserHoldsTheLock() throws Exception {
        CallRef call = AsmTestSupport.openCall(sandbox);
        sandbox.model().forceLock(call, "jsmith");
        WorkflowJob job = AsmTestSupport.pipeline(r, "asmLockCall callRef: '%s', failIfLocked: true".formatted(call));

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains(
                "ASM: could not lock call " + call + " on 'sandbox': Call " + call + " is locked by 'jsmith'", run);
        r.assertLogNotContains("\tat io.asmkit", run);
        r.assertLogNotContains("Exception:", run);
        assertThat(sandbox.model().lockHolder(call)).contains("jsmith");
    }

    @Test
    void logsTheErrorAndGoesOnWhenFailOnErrorIsFalse() throws Exception {
        CallRef call = AsmTestSupport.openCall(sandbox);
        sandbox.model().forceLock(call, "jsmith");
        WorkflowJob job = AsmTestSupport.pipeline(r, """
                def result = asmLockCall callRef: '%s', failIfLocked: true, failOnError: false
                echo "ok=${result.ok} holder=${result.holder}"
                """.formatted(call));

        WorkflowRun run = r.buildAndAssertSuccess(job);

        r.assertLogContains("ASM: could not lock call " + call, run);
        r.assertLogContains("ASM: continuing although the step failed (failOnError: false)", run);
        r.assertLogContains("ok=false holder=jsmith", run);
    }

    @Test
    void refusesBadArgumentsBeforeSendingAnything() throws Exception {
        CallRef call = AsmTestSupport.openCall(sandbox);
        sandbox.clearRequests();
        WorkflowJob job = AsmTestSupport.pipeline(r, "asmUpdateCall callRef: '%s', status: 'Resolved'".formatted(call));

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("Parameter 'status' is 'Resolved'", run);
        assertThat(sandbox.requests())
                .noneMatch(request -> request.path().startsWith("/sandbox/alemba.api/api/v2/call/" + call));
    }

    @Test
    void namesTheConfiguredSitesWhenAStepNamesAnUnknownOne() throws Exception {
        WorkflowJob job = AsmTestSupport.pipeline(r, "asmUnlockCall callRef: '1000', site: 'nowhere'");

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("No ASM site is named 'nowhere'. Configured sites: 'sandbox'.", run);
    }

    @Test
    void neverPrintsThePassword() throws Exception {
        CallRef call = AsmTestSupport.openCall(sandbox);
        WorkflowJob job = AsmTestSupport.pipeline(
                r, "asmLockCall callRef: '%1$s'%nasmUnlockCall callRef: '%1$s'".formatted(call));

        WorkflowRun run = r.buildAndAssertSuccess(job);

        r.assertLogNotContains(AsmTestSupport.PASSWORD, run);
    }
}
