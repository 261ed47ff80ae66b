package io.asmkit.jenkins;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.asmkit.core.domain.AsmException;
import io.asmkit.core.frontend.Action;
import io.asmkit.core.frontend.ActionMessages;
import io.asmkit.core.frontend.CallTarget;
import io.asmkit.core.frontend.StepResult;
import io.asmkit.core.service.CallService;
import java.io.PrintStream;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Runs one ASM action on a background thread (never on the pipeline engine's thread): finds the
 * site and call, performs the action, prints one line, and turns an ASM failure into a short build
 * failure or, with {@code failOnError: false}, into a logged line and an {@code ok: false} result.
 *
 * <p>Like every {@link SynchronousNonBlockingStepExecution}, it does not survive a controller
 * restart; each action is safe to repeat, so {@code retry} may run it again.
 */
@Restricted(NoExternalUse.class)
abstract class AsmCallExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "Not resumable: see class doc.")
    private final transient AsmCallStep step;

    private final Action action;

    AsmCallExecution(AsmCallStep step, Action action, StepContext context) {
        super(context);
        this.step = step;
        this.action = action;
    }

    /**
     * Performs the action on {@code target}, whose site is known by name, prints one line and
     * returns the result map.
     */
    abstract Map<String, Object> perform(
            CallService calls, AsmSite site, CallTarget target, Run<?, ?> run, PrintStream log) throws Exception;

    @Override
    protected Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        CallTarget enclosing = context.get(CallTarget.class);
        PrintStream log = listener.getLogger();

        String siteName = step.getSite() != null ? step.getSite() : enclosing == null ? null : enclosing.site();
        CallTarget target = null;
        try {
            AsmSite site = AsmGlobalConfiguration.get().site(siteName);
            siteName = site.getName();
            target = CallTarget.resolve(step.getSite(), step.getCallRef(), enclosing)
                    .onSite(siteName);

            CallService calls = AsmConnections.calls(run, site, listener);
            return perform(calls, site, target, run, log);
        } catch (AsmException failure) {
            String line =
                    ActionMessages.failed(action, target == null ? null : target.callRef(), show(siteName), failure);
            if (step.isFailOnError()) {
                throw new AbortException(line);
            }
            log.println(line);
            log.println(ActionMessages.continuing());
            return StepResult.failure(action, show(siteName), target == null ? null : target.callRef(), failure);
        }
    }

    private static String show(String siteName) {
        return siteName == null ? "the default site" : siteName;
    }
}
