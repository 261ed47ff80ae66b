package io.asmkit.jenkins;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.util.FormValidation;
import io.asmkit.core.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * The ASM sites Jenkins knows, and which one steps use when they name none. Configurable in
 * Manage Jenkins » System and as code ({@code unclassified: asm: ...}). Holds no runtime state.
 */
@Extension
@Symbol("asm")
public class AsmGlobalConfiguration extends GlobalConfiguration {

    private List<AsmSite> sites = new ArrayList<>();
    private String defaultSite;

    /** Loads the saved configuration. */
    public AsmGlobalConfiguration() {
        load();
    }

    /** The one instance Jenkins holds. */
    public static AsmGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(AsmGlobalConfiguration.class);
    }

    public List<AsmSite> getSites() {
        return sites == null ? List.of() : List.copyOf(sites);
    }

    /** Replaces the sites and saves. */
    @DataBoundSetter
    public void setSites(List<AsmSite> sites) {
        this.sites = sites == null ? new ArrayList<>() : new ArrayList<>(sites);
        save();
    }

    public String getDefaultSite() {
        return defaultSite;
    }

    /** Names the site used when a step names none; blank means the first site. Saves. */
    @DataBoundSetter
    public void setDefaultSite(String defaultSite) {
        this.defaultSite = Util.fixEmptyAndTrim(defaultSite);
        save();
    }

    /** Clears the list first, so that removing every site in the form is saved too. */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        sites = new ArrayList<>();
        defaultSite = null;
        req.bindJSON(this, json);
        save();
        return true;
    }

    /**
     * Finds a site by name, or the default site when {@code name} is blank.
     *
     * @throws InvalidInputException naming the configured sites when there is no such site
     */
    public AsmSite site(String name) {
        List<AsmSite> all = getSites();
        if (all.isEmpty()) {
            throw new InvalidInputException(
                    "No ASM site is configured: add one in Manage Jenkins » System » ASM sites.");
        }
        String wanted = Util.fixEmptyAndTrim(name);
        if (wanted == null) {
            wanted = defaultSite == null ? all.get(0).getName() : defaultSite;
        }
        for (AsmSite site : all) {
            if (wanted.equals(site.getName())) {
                return site;
            }
        }
        throw new InvalidInputException("No ASM site is named '" + wanted + "'. Configured sites: " + names(all) + ".");
    }

    /** Warns when the default site names no configured site. Used by {@code config.jelly}. */
    public FormValidation doCheckDefaultSite(@QueryParameter String value) {
        String name = Util.fixEmptyAndTrim(value);
        if (name == null || getSites().stream().anyMatch(site -> name.equals(site.getName()))) {
            return FormValidation.ok();
        }
        return FormValidation.warning("No saved site is named '" + name + "' (yet). Saved sites: " + names(getSites()));
    }

    private static String names(List<AsmSite> sites) {
        return sites.stream().map(site -> "'" + site.getName() + "'").collect(Collectors.joining(", "));
    }
}
