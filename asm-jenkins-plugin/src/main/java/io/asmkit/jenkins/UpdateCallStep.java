package io.asmkit.jenkins;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.Extension;
import hudson.Util;
import hudson.model.Run;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.frontend.Action;
import io.asmkit.core.frontend.ActionMessages;
import io.asmkit.core.frontend.CallTarget;
import io.asmkit.core.frontend.StepResult;
import io.asmkit.core.frontend.UpdateArguments;
import io.asmkit.core.service.CallService;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code asmUpdateCall}: changes fields of a call (New, or Open and locked by us): the description
 * (its HTML is derived unless given), the status number, and other fields by their ASM names.
 */
public final class UpdateCallStep extends AsmCallStep {

    private String description;
    private String descriptionHtml;
    private String status;
    private Map<String, Object> fields;

    /** Creates the step; give at least one of description, status and fields. */
    @DataBoundConstructor
    public UpdateCallStep() {}

    public String getDescription() {
        return description;
    }

    /** The new description, as plain text. */
    @DataBoundSetter
    public void setDescription(String description) {
        this.description = Util.fixEmpty(description);
    }

    public String getDescriptionHtml() {
        return descriptionHtml;
    }

    /** The HTML of the new description; derived from the plain text when blank. */
    @DataBoundSetter
    public void setDescriptionHtml(String descriptionHtml) {
        this.descriptionHtml = Util.fixEmpty(descriptionHtml);
    }

    public String getStatus() {
        return status;
    }

    /** The number of the new status in the site's list of status titles. */
    @DataBoundSetter
    public void setStatus(String status) {
        this.status = Util.fixEmptyAndTrim(status);
    }

    @SuppressFBWarnings(value = "EI_EXPOSE_REP", justification = "Read by data binding only.")
    public Map<String, Object> getFields() {
        return fields;
    }

    /** Other fields by their ASM names, such as {@code [Urgency: 2, CustomString1: 'v1.4']}. */
    @DataBoundSetter
    public void setFields(Map<String, Object> fields) {
        this.fields = fields == null || fields.isEmpty() ? null : new LinkedHashMap<>(fields);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    private static final class Execution extends AsmCallExecution {

        private static final long serialVersionUID = 1L;

        @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "Not resumable.")
        private final transient UpdateCallStep step;

        Execution(UpdateCallStep step, StepContext context) {
            super(step, Action.UPDATE, context);
            this.step = step;
        }

        @Override
        Map<String, Object> perform(
                CallService calls, AsmSite site, CallTarget target, Run<?, ?> run, PrintStream log) {
            CallUpdate update = UpdateArguments.toUpdate(
                    step.getDescription(), step.getDescriptionHtml(), step.getStatus(), step.getFields());

            calls.update(target.callRef(), update);

            log.println(ActionMessages.updated(target.callRef(), target.site(), update));
            return StepResult.success(Action.UPDATE, target.site(), target.callRef())
                    .update(update)
                    .toMap();
        }
    }

    /** Declares {@code asmUpdateCall}. */
    @Extension
    public static final class DescriptorImpl extends AsmStepDescriptor {

        @Override
        public String getFunctionName() {
            return "asmUpdateCall";
        }

        @Override
        public String getDisplayName() {
            return "Update an ASM call";
        }
    }
}
