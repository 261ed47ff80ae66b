package io.asmkit.jenkins;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.asmkit.core.domain.AsmException;
import io.asmkit.core.frontend.ActionMessages;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.credentialsbinding.BindingDescriptor;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * {@code asmToken(credentialsId: ..., site: ..., variable: ...)} for {@code withCredentials}: puts
 * a bearer token for ASM in an environment variable, masked in the console. A Secret text is the
 * token itself; a Username with password logs in to the site (one ASM licence) and binds the
 * access token, which lives as long as ASM's access tokens do (10 minutes) and is not refreshed.
 */
public final class AsmTokenBinding extends MultiBinding<StandardCredentials> {

    /** The variable used when none is given. */
    public static final String DEFAULT_VARIABLE = "ASM_TOKEN";

    private final String variable;
    private String site;

    /**
     * Creates the binding.
     *
     * @param variable the environment variable to set; blank means {@value #DEFAULT_VARIABLE}
     * @param credentialsId a Secret text or a Username with password credential
     */
    @DataBoundConstructor
    public AsmTokenBinding(String variable, String credentialsId) {
        super(credentialsId);
        String name = Util.fixEmptyAndTrim(variable);
        this.variable = name == null ? DEFAULT_VARIABLE : name;
    }

    public String getVariable() {
        return variable;
    }

    public String getSite() {
        return site;
    }

    /** The site to log in to, for a Username with password; blank means the default site. */
    @DataBoundSetter
    public void setSite(String site) {
        this.site = Util.fixEmptyAndTrim(site);
    }

    @Override
    protected Class<StandardCredentials> type() {
        return StandardCredentials.class;
    }

    @Override
    public MultiEnvironment bind(
            @NonNull Run<?, ?> build, FilePath workspace, Launcher launcher, @NonNull TaskListener listener)
            throws IOException, InterruptedException {
        StandardCredentials credentials = getCredentials(build);

        String token;
        String siteName;
        try {
            if (credentials instanceof StringCredentials secretText) {
                siteName = site == null ? "any site" : site;
                token = secretText.getSecret().getPlainText();
            } else {
                AsmSite asmSite = AsmGlobalConfiguration.get().site(site);
                siteName = asmSite.getName();
                token = AsmConnections.client(build, asmSite, getCredentialsId(), listener)
                        .tokens()
                        .current()
                        .value();
            }
        } catch (AsmException failure) {
            throw new AbortException(
                    ActionMessages.PREFIX + "could not get a token: " + ActionMessages.shortMessage(failure));
        }

        listener.getLogger().println(ActionMessages.tokenBound(siteName, variable));
        return new MultiEnvironment(Map.of(variable, token));
    }

    @Override
    public Set<String> variables(@NonNull Run<?, ?> build) {
        return Set.of(variable);
    }

    /** Declares {@code asmToken}; it needs no workspace. */
    @Extension
    @Symbol("asmToken")
    public static final class DescriptorImpl extends BindingDescriptor<StandardCredentials> {

        @Override
        protected Class<StandardCredentials> type() {
            return StandardCredentials.class;
        }

        @Override
        public String getDisplayName() {
            return "ASM bearer token";
        }

        @Override
        public boolean requiresWorkspace() {
            return false;
        }

        /** Checks the variable name. Used by {@code config.jelly}. */
        public FormValidation doCheckVariable(@QueryParameter String value) {
            String name = Util.fixEmptyAndTrim(value);
            if (name != null && !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                return FormValidation.error("Use letters, digits and '_' only, not starting with a digit.");
            }
            return FormValidation.ok();
        }
    }
}
