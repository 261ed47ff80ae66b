package io.asmkit.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.Util;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import org.junit.jupiter.api.Test;

/** The sites can be configured as code, and export back to YAML with the same values. */
@WithJenkinsConfiguredWithCode
class ConfigurationAsCodeTest {

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    void readsSitesFromYaml(JenkinsConfiguredWithCodeRule r) {
        AsmGlobalConfiguration configuration = AsmGlobalConfiguration.get();

        assertThat(configuration.getDefaultSite()).isEqualTo("prod");
        assertThat(configuration.getSites()).extracting(AsmSite::getName).containsExactly("prod", "test");
        AsmSite prod = configuration.site("prod");
        assertThat(prod.getUrl()).isEqualTo("https://asm.example.org/production");
        assertThat(prod.getCredentialsId()).isEqualTo("asm-deployer");
        assertThat(prod.getClientId()).isEqualTo("jenkins-client");
        assertThat(prod.getScope()).isEqualTo("session-type:Analyst");
        assertThat(prod.getReadTimeoutSeconds()).isEqualTo(60);
        assertThat(configuration.site(null).getName()).isEqualTo("prod");
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    void exportsTheConfiguredValues(JenkinsConfiguredWithCodeRule r) throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode asm = Util.getUnclassifiedRoot(context).get("asm");

        String exported = Util.toYamlString(asm);

        assertThat(exported)
                .contains(
                        "defaultSite: \"prod\"",
                        "name: \"prod\"",
                        "url: \"https://asm.example.org/production\"",
                        "credentialsId: \"asm-deployer\"",
                        "clientId: \"jenkins-client\"",
                        "readTimeoutSeconds: 60",
                        "name: \"test\"",
                        "credentialsId: \"asm-test-token\"");
    }
}
