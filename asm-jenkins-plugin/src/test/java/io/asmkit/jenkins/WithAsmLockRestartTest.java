package io.asmkit.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmkit.core.domain.CallRef;
import io.asmkit.sandbox.AsmSandboxExtension;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** A controller restart while the body runs keeps the lock, and the resumed body's end unlocks. */
class WithAsmLockRestartTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    static final AsmSandboxExtension SANDBOX = new AsmSandboxExtension();

    @RegisterExtension
    final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void keepsTheLockAcrossARestartAndUnlocksWhenTheResumedBodyEnds() throws Throwable {
        CallRef call = AsmTestSupport.openCall(SANDBOX.get());

        sessions.then(r -> {
            AsmTestSupport.configurePasswordSite(r, SANDBOX.get());
            WorkflowJob job = AsmTestSupport.pipeline(r, "deploy", """
                    withAsmLock(callRef: '%s') {
                        semaphore 'deploying'
                        asmUpdateCall description: 'Deployed across a restart'
                    }
                    """.formatted(call));
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            SemaphoreStep.waitForStart("deploying/1", run);
            assertThat(SANDBOX.get().model().lockHolder(call)).contains(AsmTestSupport.USER);
        });

        assertThat(SANDBOX.get().model().lockHolder(call)).contains(AsmTestSupport.USER);

        sessions.then(r -> {
            WorkflowJob job = r.jenkins.getItemByFullName("deploy", WorkflowJob.class);
            WorkflowRun run = job.getBuildByNumber(1);
            SemaphoreStep.success("deploying/1", null);
            r.assertBuildStatusSuccess(r.waitForCompletion(run));

            r.assertLogContains("ASM: unlocked call " + call + " on 'sandbox'", run);
            assertThat(SANDBOX.get().model().get(AsmTestSupport.USER, call).description())
                    .contains("Deployed across a restart");
            assertThat(SANDBOX.get().model().lockHolder(call)).isEmpty();
        });
    }
}
