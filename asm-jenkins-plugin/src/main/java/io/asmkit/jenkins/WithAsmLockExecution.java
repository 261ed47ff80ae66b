package io.asmkit.jenkins;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.asmkit.core.domain.AsmException;
import io.asmkit.core.domain.OperationInterruptedException;
import io.asmkit.core.frontend.Action;
import io.asmkit.core.frontend.ActionMessages;
import io.asmkit.core.frontend.CallArguments;
import io.asmkit.core.frontend.CallTarget;
import io.asmkit.core.port.in.LockWait;
import io.asmkit.core.service.CallService;
import java.io.PrintStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Runs {@code withAsmLock}: the lock and the unlock run on background threads, the body in between
 * with the locked {@link CallTarget} in its context.
 *
 * <p>Only plain values are kept (the target's site name and call number, and two flags), so the
 * execution survives a controller restart; clients are rebuilt afterwards from the site's
 * configuration, and no token is ever stored. The lock itself lives on the ASM server, so it is
 * still held after the restart and is released when the resumed body ends.
 */
@Restricted(NoExternalUse.class)
final class WithAsmLockExecution extends GeneralNonBlockingStepExecution {

    private static final long serialVersionUID = 1L;

    private static final Logger LOGGER = Logger.getLogger(WithAsmLockExecution.class.getName());

    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "Used before the body only.")
    private final transient WithAsmLockStep step;

    private final boolean failOnError;
    private CallTarget target;
    private volatile boolean locked;

    WithAsmLockExecution(WithAsmLockStep step, StepContext context) {
        super(context);
        this.step = step;
        this.failOnError = step.isFailOnError();
    }

    @Override
    public boolean start() {
        run(this::lockThenRunBody);
        return false;
    }

    private void lockThenRunBody() throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        PrintStream log = listener.getLogger();

        String siteName = step.getSite();
        CallTarget wanted = null;
        try {
            AsmSite site = AsmGlobalConfiguration.get().site(siteName);
            siteName = site.getName();
            wanted = CallTarget.resolve(siteName, step.getCallRef(), null);
            LockWait wait = CallArguments.lockWait(step.getTimeout(), step.isFailIfLocked());
            CallService calls = AsmConnections.calls(run, site, listener);

            calls.lock(wanted.callRef(), wait);
            target = wanted;
            locked = true;
            log.println(ActionMessages.done(Action.LOCK, target.callRef(), target.site()));
        } catch (OperationInterruptedException aborted) {
            throw aborted;
        } catch (AsmException failure) {
            String line = ActionMessages.failed(
                    Action.LOCK, wanted == null ? null : wanted.callRef(), siteName == null ? "?" : siteName, failure);
            if (failOnError) {
                throw new AbortException(line);
            }
            log.println(line);
            log.println(ActionMessages.continuing());
            target = wanted;
        }

        if (Thread.currentThread().isInterrupted()) {
            // Aborted while locking: stop(...) has already failed the step, so only undo the lock.
            unlock(run, listener);
            return;
        }
        BodyInvoker body = context.newBodyInvoker().withCallback(new Unlock());
        if (target != null) {
            body.withContext(target);
        }
        body.start();
    }

    /**
     * An abort normally reaches the innermost step of the body, and the body's end then unlocks.
     * Should it reach this step itself, unlock here too: after {@code stop} the body's callback can
     * no longer start background work.
     */
    @Override
    public void stop(Throwable cause) throws Exception {
        boolean wasLocked = locked;
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        super.stop(cause);
        if (wasLocked) {
            Timer.get().execute(() -> {
                try {
                    unlock(run, listener);
                } catch (Exception e) {
                    LOGGER.log(Level.WARNING, "Could not unlock " + target + " after an abort", e);
                }
            });
        }
    }

    /** Unlocks the call if we hold it, printing one line; fails the step as {@code failOnError} says. */
    private void unlock(Run<?, ?> run, TaskListener listener) throws AbortException {
        if (!locked || target == null) {
            return;
        }
        PrintStream log = listener.getLogger();
        try {
            AsmSite site = AsmGlobalConfiguration.get().site(target.site());
            AsmConnections.calls(run, site, listener).unlock(target.callRef());
            locked = false;
            log.println(ActionMessages.done(Action.UNLOCK, target.callRef(), target.site()));
        } catch (AsmException failure) {
            String line = ActionMessages.failed(Action.UNLOCK, target.callRef(), target.site(), failure);
            log.println(line);
            if (failOnError) {
                throw new AbortException(line);
            }
            log.println(ActionMessages.continuing());
        }
    }

    /** Unlocks when the body ends, on a background thread, and passes the body's outcome on. */
    private final class Unlock extends TailCall {

        private static final long serialVersionUID = 1L;

        @Override
        protected void finished(StepContext context) throws Exception {
            unlock(context.get(Run.class), context.get(TaskListener.class));
        }
    }
}
