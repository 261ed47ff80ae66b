package io.asmkit.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Run;
import hudson.security.ACL;
import io.asmkit.core.domain.InvalidInputException;
import java.util.List;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Finds the credentials of a site: a Secret text is a bearer token, a Username with password logs in
 * with password login. Matches the credential interfaces only, so
 * that any credentials provider (Vault, Kubernetes secrets…) works.
 */
@Restricted(NoExternalUse.class)
final class AsmCredentials {

    private AsmCredentials() {}

    /**
     * Finds credentials as the build may use them, and records that the build used them.
     *
     * @throws InvalidInputException naming the id when there is none, or the build may not use it
     */
    static StandardCredentials forRun(Run<?, ?> run, String credentialsId) {
        String id = requireId(credentialsId);
        StandardCredentials credentials = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run);
        if (credentials == null) {
            throw new InvalidInputException("Credentials '" + id + "' were not found, or this build may not use"
                    + " them: add a Secret text or a Username with password credential with this id.");
        }
        CredentialsProvider.track(run, credentials);
        return credentials;
    }

    /**
     * Finds global credentials, for the "test connection" button of the system configuration.
     *
     * @throws InvalidInputException naming the id when there is none
     */
    static StandardCredentials global(String credentialsId) {
        String id = requireId(credentialsId);
        StandardCredentials credentials = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(
                        StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of()),
                CredentialsMatchers.withId(id));
        if (credentials == null) {
            throw new InvalidInputException("Credentials '" + id + "' were not found among the global credentials.");
        }
        return credentials;
    }

    /**
     * The API client id a password login needs.
     *
     * @throws InvalidInputException naming the site when it has none
     */
    static String requireClientId(AsmSite site) {
        if (site.getClientId() == null) {
            throw new InvalidInputException("Site '" + site.getName() + "' has no API client id: password login"
                    + " needs one; set it in the site's advanced settings.");
        }
        return site.getClientId();
    }

    /** The failure for credentials that are neither a token nor a user name and password. */
    static InvalidInputException unsupported(StandardCredentials credentials) {
        return new InvalidInputException("Credentials '" + credentials.getId() + "' are neither a Secret text (bearer"
                + " token) nor a Username with password (password login).");
    }

    /** The user a lock belongs to, when the credentials tell it: the login name of a password login. */
    static String holder(StandardCredentials credentials) {
        return credentials instanceof StandardUsernamePasswordCredentials login ? login.getUsername() : null;
    }

    private static String requireId(String credentialsId) {
        if (credentialsId == null || credentialsId.isBlank()) {
            throw new InvalidInputException("No credentials are set for this ASM site: choose a Secret text or a"
                    + " Username with password credential in its configuration.");
        }
        return credentialsId.strip();
    }
}
