package io.asmkit.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.asmkit.core.domain.AsmException;
import io.asmkit.core.domain.InvalidInputException;
import io.asmkit.core.frontend.ConnectionCheck;
import io.asmkit.core.service.CallService;
import io.asmkit.feign.AsmBaseUrl;
import io.asmkit.feign.AsmClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One ASM system Jenkins talks to: its base URL, the credentials to use and how to log in. Holds
 * only a credentials id, never a secret. Implements {@link Describable} directly: its default
 * {@code getDescriptor()} (core 2.505+) replaces the deprecated {@code AbstractDescribableImpl}.
 */
public final class AsmSite implements Describable<AsmSite> {

    /** The scope sent with a password login when none is configured. */
    public static final String DEFAULT_SCOPE = "session-type:Analyst";

    static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 5;
    static final int DEFAULT_READ_TIMEOUT_SECONDS = 30;

    private final String name;
    private final String url;
    private final String credentialsId;
    private String clientId;
    private String scope = DEFAULT_SCOPE;
    private int connectTimeoutSeconds = DEFAULT_CONNECT_TIMEOUT_SECONDS;
    private int readTimeoutSeconds = DEFAULT_READ_TIMEOUT_SECONDS;

    /**
     * Creates a site.
     *
     * @param name the name steps use in {@code site:}
     * @param url the system's base URL, such as {@code https://asm.example.org/production}
     * @param credentialsId a Secret text (bearer token) or Username with password credential
     */
    @DataBoundConstructor
    public AsmSite(String name, String url, String credentialsId) {
        this.name = Util.fixEmptyAndTrim(name);
        this.url = Util.fixEmptyAndTrim(url);
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public String getName() {
        return name;
    }

    public String getUrl() {
        return url;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    public String getClientId() {
        return clientId;
    }

    /** The API client id, needed for password login only. */
    @DataBoundSetter
    public void setClientId(String clientId) {
        this.clientId = Util.fixEmptyAndTrim(clientId);
    }

    public String getScope() {
        return scope;
    }

    /** The scope of a password login; blank means {@value #DEFAULT_SCOPE}. */
    @DataBoundSetter
    public void setScope(String scope) {
        String trimmed = Util.fixEmptyAndTrim(scope);
        this.scope = trimmed == null ? DEFAULT_SCOPE : trimmed;
    }

    public int getConnectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    /** Seconds to wait for a connection; 0 or less means the default. */
    @DataBoundSetter
    public void setConnectTimeoutSeconds(int connectTimeoutSeconds) {
        this.connectTimeoutSeconds =
                connectTimeoutSeconds > 0 ? connectTimeoutSeconds : DEFAULT_CONNECT_TIMEOUT_SECONDS;
    }

    public int getReadTimeoutSeconds() {
        return readTimeoutSeconds;
    }

    /** Seconds to wait for a reply; 0 or less means the default. */
    @DataBoundSetter
    public void setReadTimeoutSeconds(int readTimeoutSeconds) {
        this.readTimeoutSeconds = readTimeoutSeconds > 0 ? readTimeoutSeconds : DEFAULT_READ_TIMEOUT_SECONDS;
    }

    Duration connectTimeout() {
        return Duration.ofSeconds(connectTimeoutSeconds);
    }

    Duration readTimeout() {
        return Duration.ofSeconds(readTimeoutSeconds);
    }

    /** Everything that, when changed, calls for another client. */
    String clientKey(String credentialsIdInUse) {
        return String.join("\n", name, url, String.valueOf(credentialsIdInUse), String.valueOf(clientId), scope);
    }

    /** Form and configuration-as-code support for {@link AsmSite}. */
    @Extension
    @Symbol("asmSite")
    public static final class DescriptorImpl extends Descriptor<AsmSite> {

        @Override
        public String getDisplayName() {
            return "ASM site";
        }

        /** Checks the site's name as steps will use it. Used by {@code config.jelly}. */
        public FormValidation doCheckName(@QueryParameter String value) {
            String name = Util.fixEmptyAndTrim(value);
            if (name == null) {
                return FormValidation.error("Give the site a name; steps refer to it with site: 'name'.");
            }
            if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
                return FormValidation.error("Use letters, digits, '.', '_' or '-' only (at most 64).");
            }
            return FormValidation.ok();
        }

        /** Checks the base URL with the same rule the client applies. Used by {@code config.jelly}. */
        public FormValidation doCheckUrl(@QueryParameter String value) {
            String url = Util.fixEmptyAndTrim(value);
            if (url == null) {
                return FormValidation.error(
                        "Give the system's base URL, for example https://asm.example.org/production.");
            }
            try {
                AsmBaseUrl.parse(url);
            } catch (InvalidInputException e) {
                return FormValidation.error(e.getMessage());
            }
            if (url.startsWith("http://")) {
                return FormValidation.warning("The token would travel unencrypted: prefer https.");
            }
            return FormValidation.ok();
        }

        /** Lists the credentials a site can use, to administrators only. Used by {@code config.jelly}. */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
            StandardListBoxModel model = new StandardListBoxModel();
            Jenkins jenkins = Jenkins.get();
            if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
                return model.includeCurrentValue(credentialsId);
            }
            return model.includeEmptyValue()
                    .includeMatchingAs(
                            ACL.SYSTEM2,
                            jenkins,
                            StandardCredentials.class,
                            List.of(),
                            CredentialsMatchers.anyOf(
                                    CredentialsMatchers.instanceOf(StringCredentials.class),
                                    CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class)))
                    .includeCurrentValue(credentialsId);
        }

        /**
         * Reads one call with the values in the form, through the same client the steps use, and
         * says whether the site answered. Used by {@code config.jelly}.
         */
        @POST
        public FormValidation doTestConnection(
                @QueryParameter String name,
                @QueryParameter String url,
                @QueryParameter String credentialsId,
                @QueryParameter String clientId,
                @QueryParameter String scope,
                @QueryParameter String connectTimeoutSeconds,
                @QueryParameter String readTimeoutSeconds) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);

            AsmSite site = new AsmSite(Objects.toString(Util.fixEmptyAndTrim(name), "this site"), url, credentialsId);
            site.setClientId(clientId);
            site.setScope(scope);
            site.setConnectTimeoutSeconds(seconds(connectTimeoutSeconds));
            site.setReadTimeoutSeconds(seconds(readTimeoutSeconds));

            String proxyWarning = AsmHttp.proxyWarning(site.getUrl()).orElse(null);
            ConnectionCheck.Result result;
            try {
                AsmClient client = AsmConnections.newClient(site, AsmCredentials.global(site.getCredentialsId()));
                result = ConnectionCheck.run(new CallService(client), ConnectionCheck.DEFAULT_PROBE, site.getName());
            } catch (AsmException e) {
                return FormValidation.error(e.getMessage());
            }

            String message = proxyWarning == null ? result.message() : result.message() + " " + proxyWarning;
            return result.ok() ? FormValidation.ok(message) : FormValidation.error(message);
        }

        /** A number of seconds from a form field; 0 (the default) when blank or not a number. */
        private static int seconds(String text) {
            String trimmed = Util.fixEmptyAndTrim(text);
            return trimmed != null && trimmed.matches("\\d{1,5}") ? Integer.parseInt(trimmed) : 0;
        }
    }
}
