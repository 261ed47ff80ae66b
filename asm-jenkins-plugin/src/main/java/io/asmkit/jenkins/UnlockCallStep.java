package io.asmkit.jenkins;

import hudson.Extension;
import hudson.model.Run;
import io.asmkit.core.frontend.Action;
import io.asmkit.core.frontend.ActionMessages;
import io.asmkit.core.frontend.CallTarget;
import io.asmkit.core.frontend.StepResult;
import io.asmkit.core.service.CallService;
import java.io.PrintStream;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code asmUnlockCall}: unlocks a call, retrying on transient failures; a call nobody holds is fine. */
public final class UnlockCallStep extends AsmCallStep {

    /** Creates the step; every argument is optional. */
    @DataBoundConstructor
    public UnlockCallStep() {}

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    private static final class Execution extends AsmCallExecution {

        private static final long serialVersionUID = 1L;

        Execution(UnlockCallStep step, StepContext context) {
            super(step, Action.UNLOCK, context);
        }

        @Override
        Map<String, Object> perform(
                CallService calls, AsmSite site, CallTarget target, Run<?, ?> run, PrintStream log) {
            calls.unlock(target.callRef());

            log.println(ActionMessages.done(Action.UNLOCK, target.callRef(), target.site()));
            return StepResult.success(Action.UNLOCK, target.site(), target.callRef())
                    .toMap();
        }
    }

    /** Declares {@code asmUnlockCall}. */
    @Extension
    public static final class DescriptorImpl extends AsmStepDescriptor {

        @Override
        public String getFunctionName() {
            return "asmUnlockCall";
        }

        @Override
        public String getDisplayName() {
            return "Unlock an ASM call";
        }
    }
}
