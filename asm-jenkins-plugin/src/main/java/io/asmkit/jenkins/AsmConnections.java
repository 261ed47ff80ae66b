package io.asmkit.jenkins;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import io.asmkit.core.frontend.ActionMessages;
import io.asmkit.core.port.in.LockWaitListener;
import io.asmkit.core.service.CallService;
import io.asmkit.feign.AsmClient;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Gives each build one client per site and credentials, so that every step of a build shares one
 * ASM session: a password login happens once per build (each login takes an ASM licence), and the
 * client refreshes its token by itself.
 *
 * <p>Clients live only in memory: they are never serialized with the pipeline, are dropped when the
 * build ends, and are rebuilt (with a new login) after a controller restart.
 */
@Restricted(NoExternalUse.class)
public final class AsmConnections {

    private static final Map<String, AsmClient> CLIENTS = new ConcurrentHashMap<>();

    private AsmConnections() {}

    /**
     * The use cases for {@code site}, with the site's credentials as the build may use them. Before
     * waiting for another user's lock they print one line saying so.
     */
    static CallService calls(Run<?, ?> run, AsmSite site, TaskListener listener) {
        return new CallService(client(run, site, site.getCredentialsId(), listener))
                .withLockWaitListener(waitNotice(listener.getLogger(), site.getName()));
    }

    /** "ASM: call 1234 on 'prod' is locked by 'jsmith'; waiting up to 5m for it". */
    private static LockWaitListener waitNotice(PrintStream log, String siteName) {
        return (ref, held, timeout) ->
                log.println(ActionMessages.waiting(ref, siteName, held.holder().orElse(null), timeout));
    }

    /** The build's client for {@code site} with the given credentials, made on first use. */
    static AsmClient client(Run<?, ?> run, AsmSite site, String credentialsId, TaskListener listener) {
        String key = run.getExternalizableId() + "\n" + site.clientKey(credentialsId);
        return CLIENTS.computeIfAbsent(key, unused -> {
            AsmHttp.proxyWarning(site.getUrl())
                    .ifPresent(warning -> listener.getLogger().println("ASM: " + warning));
            return newClient(site, AsmCredentials.forRun(run, credentialsId));
        });
    }

    /**
     * A new client for {@code site}: the one way every step, binding and form button builds one.
     * The secret leaves its {@code Secret} only here, on its way into the client.
     */
    static AsmClient newClient(AsmSite site, StandardCredentials credentials) {
        var builder = AsmClient.builder(site.getUrl())
                // The connect timeout lives on the supplied HttpClient: the adapter refuses both.
                .httpClient(AsmHttp.newHttpClient(site.connectTimeout()))
                .readTimeout(site.readTimeout());

        if (credentials instanceof StringCredentials token) {
            builder = builder.bearerToken(token.getSecret().getPlainText());
        } else if (credentials instanceof StandardUsernamePasswordCredentials login) {
            builder = builder.passwordLogin(
                            AsmCredentials.requireClientId(site),
                            login.getUsername(),
                            login.getPassword().getPlainText().toCharArray())
                    .scope(site.getScope());
        } else {
            throw AsmCredentials.unsupported(credentials);
        }
        return builder.build();
    }

    /** Forgets the clients of a build. */
    static void forget(Run<?, ?> run) {
        String prefix = run.getExternalizableId() + "\n";
        CLIENTS.keySet().removeIf(key -> key.startsWith(prefix));
    }

    /** Drops a build's clients when the build is over. */
    @Extension
    public static final class BuildEnd extends RunListener<Run<?, ?>> {

        @Override
        public void onFinalized(Run<?, ?> run) {
            forget(run);
        }
    }
}
