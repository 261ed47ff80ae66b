package io.asmkit.jenkins;

import hudson.Extension;
import hudson.Util;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code withAsmLock(callRef: '1234') { ... }}: locks a call, runs the body, and unlocks the call
 * when the body ends in success, failure or abort, also after a controller restart. Inside the
 * body the other ASM steps act on this call and site by default.
 */
public final class WithAsmLockStep extends Step {

    private final String callRef;
    private String site;
    private String timeout;
    private boolean failIfLocked;
    private boolean failOnError = true;

    /**
     * Creates the step.
     *
     * @param callRef the number of the call to lock
     */
    @DataBoundConstructor
    public WithAsmLockStep(String callRef) {
        this.callRef = Util.fixEmptyAndTrim(callRef);
    }

    public String getCallRef() {
        return callRef;
    }

    public String getSite() {
        return site;
    }

    /** The name of a configured ASM site; blank means the default site. */
    @DataBoundSetter
    public void setSite(String site) {
        this.site = Util.fixEmptyAndTrim(site);
    }

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

    public boolean isFailOnError() {
        return failOnError;
    }

    /**
     * Whether failing to lock or unlock fails the build (the default); when false the failure is
     * logged and the body runs all the same, without the lock.
     */
    @DataBoundSetter
    public void setFailOnError(boolean failOnError) {
        this.failOnError = failOnError;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new WithAsmLockExecution(this, context);
    }

    /** Declares {@code withAsmLock}, a block step that needs no agent. */
    @Extension
    public static final class DescriptorImpl extends AsmCallStep.AsmStepDescriptor {

        @Override
        public String getFunctionName() {
            return "withAsmLock";
        }

        @Override
        public String getDisplayName() {
            return "Lock an ASM call while a block runs";
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }
    }
}
