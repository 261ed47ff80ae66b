package io.asmkit.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.asmkit.core.domain.CallRef;
import io.asmkit.sandbox.AsmSandbox;
import io.asmkit.sandbox.AsmSandboxExtension;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** {@code withAsmLock} unlocks however its body ends, and lends its call to the steps inside. */
@WithJenkins
class WithAsmLockTest {

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
    void unlocksAfterTheBodySucceedsAndLendsItsCallToTheStepsInside() throws Exception {
        CallRef call = AsmTestSupport.openCall(sandbox);
        WorkflowJob job = AsmTestSupport.pipeline(r, """
                withAsmLock(callRef: '%s') {
                    def result = asmUpdateCall description: 'Deployed 2.0'
                    echo "updated ${result.callRef} on ${result.site}"
                }
                """.formatted(call));

        WorkflowRun run = r.buildAndAssertSuccess(job);

        r.assertLogContains("ASM: locked call " + call + " on 'sandbox'", run);
        r.assertLogContains("updated " + call + " on sandbox", run);
        r.assertLogContains("ASM: unlocked call " + call + " on 'sandbox'", run);
        assertThat(sandbox.model().get(AsmTestSupport.USER, call).description()).contains("Deployed 2.0");
        assertThat(sandbox.model().lockHolder(call)).isEmpty();
    }

    @Test
    void unlocksWhenTheBodyFails() throws Exception {
        CallRef call = AsmTestSupport.openCall(sandbox);
        WorkflowJob job = AsmTestSupport.pipeline(r, """
                withAsmLock(callRef: '%s') {
                    error 'deployment broke'
                }
                """.formatted(call));

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("deployment broke", run);
        r.assertLogContains("ASM: unlocked call " + call + " on 'sandbox'", run);
        assertThat(sandbox.model().lockHolder(call)).isEmpty();
    }

    @Test
    void unlocksWhenTheBuildIsAborted() throws Exception {
        CallRef call = AsmTestSupport.openCall(sandbox);
        WorkflowJob job = AsmTestSupport.pipeline(r, """
                withAsmLock(callRef: '%s') {
                    semaphore 'deploying'
                }
                """.formatted(call));

        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        SemaphoreStep.waitForStart("deploying/1", run);
        assertThat(sandbox.model().lockHolder(call)).contains(AsmTestSupport.USER);
        run.doStop();
        r.waitForCompletion(run);

        r.assertBuildStatus(Result.ABORTED, run);
        r.assertLogContains("ASM: unlocked call " + call + " on 'sandbox'", run);
        assertThat(sandbox.model().lockHolder(call)).isEmpty();
    }

    @Test
    void runsNoBodyWhenAnotherUserKeepsTheLock() throws Exception {
        CallRef call = AsmTestSupport.openCall(sandbox);
        sandbox.model().forceLock(call, "jsmith");
        WorkflowJob job = AsmTestSupport.pipeline(r, """
                withAsmLock(callRef: '%s', failIfLocked: true) {
                    echo 'body ran'
                }
                """.formatted(call));

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("ASM: could not lock call " + call + " on 'sandbox'", run);
        r.assertLogNotContains("body ran", run);
        assertThat(sandbox.model().lockHolder(call)).contains("jsmith");
    }

    @Test
    void saysOnceThatItWaitsThenLocksWhenTheOtherUserLetsGo() throws Exception {
        CallRef call = AsmTestSupport.openCall(sandbox);
        sandbox.model().forceLock(call, "jsmith");
        WorkflowJob job = AsmTestSupport.pipeline(r, """
                withAsmLock(callRef: '%s', timeout: '1m') {
                    echo 'body ran'
                }
                """.formatted(call));

        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        String notice = "ASM: call " + call + " on 'sandbox' is locked by 'jsmith'; waiting up to 1m for it";
        while (!JenkinsRule.getLog(run).contains(notice)) {
            Thread.sleep(100);
        }
        sandbox.model().unlock("jsmith", call);
        r.waitForCompletion(run);

        r.assertBuildStatus(Result.SUCCESS, run);
        r.assertLogContains("body ran", run);
        assertThat(sandbox.model().lockHolder(call)).isEmpty();
    }

    @Test
    void runsTheBodyWithoutTheLockWhenFailOnErrorIsFalse() throws Exception {
        CallRef call = AsmTestSupport.openCall(sandbox);
        sandbox.model().forceLock(call, "jsmith");
        WorkflowJob job = AsmTestSupport.pipeline(r, """
                withAsmLock(callRef: '%s', failIfLocked: true, failOnError: false) {
                    echo 'body ran'
                }
                """.formatted(call));

        WorkflowRun run = r.buildAndAssertSuccess(job);

        r.assertLogContains("ASM: could not lock call " + call, run);
        r.assertLogContains("body ran", run);
        r.assertLogNotContains("ASM: unlocked", run);
        assertThat(sandbox.model().lockHolder(call)).contains("jsmith");
    }

    @Test
    void worksInAStageOptionsBlockOfADeclarativePipelineWithoutAnAgent() throws Exception {
        CallRef call = AsmTestSupport.openCall(sandbox);
        WorkflowJob job = AsmTestSupport.pipeline(r, """
                pipeline {
                    agent none
                    stages {
                        stage('Deploy') {
                            options {
                                withAsmLock(callRef: '%s')
                            }
                            steps {
                                asmUpdateCall description: 'Deployed by Declarative'
                            }
                        }
                    }
                }
                """.formatted(call));

        WorkflowRun run = r.buildAndAssertSuccess(job);

        r.assertLogContains("ASM: locked call " + call + " on 'sandbox'", run);
        r.assertLogContains("ASM: unlocked call " + call + " on 'sandbox'", run);
        assertThat(sandbox.model().get(AsmTestSupport.USER, call).description()).contains("Deployed by Declarative");
        assertThat(sandbox.model().lockHolder(call)).isEmpty();
    }
}
