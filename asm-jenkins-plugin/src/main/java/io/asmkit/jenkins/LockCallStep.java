package io.asmkit.jenkins;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.Extension;
import hudson.Util;
import hudson.model.Run;
import io.asmkit.core.domain.LockSession;
import io.asmkit.core.frontend.Action;
import io.asmkit.core.frontend.ActionMessages;
import io.asmkit.core.frontend.CallArguments;
import io.asmkit.core.frontend.CallTarget;
import io.asmkit.core.frontend.StepResult;
import io.asmkit.core.port.in.LockWait;
import io.asmkit.core.service.CallService;
import java.io.PrintStream;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code asmLockCall}: locks a call and leaves it locked; prefer {@code withAsmLock}, which always
 * unlocks. Waits for another user's lock as {@code timeout} and {@code failIfLocked} say.
 */
public final class LockCallStep extends AsmCallStep {

    private String timeout;
    private boolean failIfLocked;

    /** Creates the step; every argument is optional. */
    @DataBoundConstructor
    public LockCallStep() {}

    public String getTimeout() {
        return timeout;
    }

    /** How long to wait for another user's lock, such as {@code 90s} or {@code 5m}; blank means 5 minutes. */
    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = Util.fixEmptyAndTrim(timeout);
    }

    public boolean isFailIfLocked() {
        return failIfLocked;
    }

    /** Whether to fail at once when another user holds the lock. */
    @DataBoundSetter
    public void setFailIfLocked(boolean failIfLocked) {
        this.failIfLocked = failIfLocked;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    private static final class Execution extends AsmCallExecution {

        private static final long serialVersionUID = 1L;

        @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "Not resumable.")
        private final transient LockCallStep step;

        Execution(LockCallStep step, StepContext context) {
            super(step, Action.LOCK, context);
            this.step = step;
        }

        @Override
        Map<String, Object> perform(
                CallService calls, AsmSite site, CallTarget target, Run<?, ?> run, PrintStream log) {
            LockWait wait = CallArguments.lockWait(step.getTimeout(), step.isFailIfLocked());

            LockSession session = calls.lock(target.callRef(), wait);

            log.println(ActionMessages.done(Action.LOCK, session.callRef(), target.site()));
            return StepResult.success(Action.LOCK, target.site(), target.callRef())
                    .holder(AsmCredentials.holder(AsmCredentials.forRun(run, site.getCredentialsId())))
                    .toMap();
        }
    }

    /** Declares {@code asmLockCall}. */
    @Extension
    public static final class DescriptorImpl extends AsmStepDescriptor {

        @Override
        public String getFunctionName() {
            return "asmLockCall";
        }

        @Override
        public String getDisplayName() {
            return "Lock an ASM call";
        }
    }
}
