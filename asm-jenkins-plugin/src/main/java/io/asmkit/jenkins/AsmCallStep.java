package io.asmkit.jenkins;

import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import io.asmkit.core.frontend.CallArguments;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What every ASM step takes: the call, the site, and whether a failure fails the build. Inside
 * {@code withAsmLock} the call and site default to the locked ones.
 */
public abstract class AsmCallStep extends Step {

    private String callRef;
    private String site;
    private boolean failOnError = true;

    public String getCallRef() {
        return callRef;
    }

    /** The call's number; optional inside {@code withAsmLock}. */
    @DataBoundSetter
    public void setCallRef(String callRef) {
        this.callRef = Util.fixEmptyAndTrim(callRef);
    }

    public String getSite() {
        return site;
    }

    /** The name of a configured ASM site; blank means the enclosing lock's site, else the default site. */
    @DataBoundSetter
    public void setSite(String site) {
        this.site = Util.fixEmptyAndTrim(site);
    }

    public boolean isFailOnError() {
        return failOnError;
    }

    /** Whether a failure fails the build (the default) or is logged and returned as {@code ok: false}. */
    @DataBoundSetter
    public void setFailOnError(boolean failOnError) {
        this.failOnError = failOnError;
    }

    /** What the descriptors of ASM steps share: their context and the reading of numbers as text. */
    public abstract static class AsmStepDescriptor extends StepDescriptor {

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        /** Accepts {@code callRef: 1234}, {@code status: 3} and {@code timeout: 90} as well as text. */
        @Override
        public Step newInstance(Map<String, Object> arguments) throws Exception {
            Map<String, Object> normalized = new LinkedHashMap<>(arguments);
            normalized.computeIfPresent("callRef", (name, value) -> CallArguments.numberAsText(value));
            normalized.computeIfPresent("status", (name, value) -> CallArguments.numberAsText(value));
            normalized.computeIfPresent("timeout", (name, value) -> CallArguments.numberAsText(value));
            return super.newInstance(normalized);
        }

        /** The configured site names, with a blank choice for the default. Used by {@code config.jelly}. */
        public ListBoxModel doFillSiteItems() {
            ListBoxModel items = new ListBoxModel();
            items.add("(default site)", "");
            for (AsmSite site : AsmGlobalConfiguration.get().getSites()) {
                items.add(site.getName());
            }
            return items;
        }
    }
}
