package io.asmkit.jenkins;

import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.credentialsbinding.impl.BindingStep;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** What the Snippet Generator writes for each step reads back as the same step. */
@WithJenkins
class SnippetTest {

    private SnippetizerTester snippets;

    @BeforeEach
    void setUp(JenkinsRule r) {
        snippets = new SnippetizerTester(r);
    }

    @Test
    void lockStepRoundTrips() throws Exception {
        LockCallStep step = new LockCallStep();
        step.setCallRef("1234");
        step.setSite("prod");
        step.setTimeout("90s");

        snippets.assertRoundTrip(step, "asmLockCall callRef: '1234', site: 'prod', timeout: '90s'");
    }

    @Test
    void unlockStepRoundTripsWithFailOnErrorOff() throws Exception {
        UnlockCallStep step = new UnlockCallStep();
        step.setCallRef("1234");
        step.setFailOnError(false);

        snippets.assertRoundTrip(step, "asmUnlockCall callRef: '1234', failOnError: false");
    }

    @Test
    void updateStepRoundTrips() throws Exception {
        UpdateCallStep step = new UpdateCallStep();
        step.setDescription("Deployed 1.4");
        step.setStatus("3");

        snippets.assertRoundTrip(step, "asmUpdateCall description: 'Deployed 1.4', status: '3'");
    }

    @Test
    void updateStepWithFieldsRoundTrips() throws Exception {
        UpdateCallStep step = new UpdateCallStep();
        step.setFields(Map.of("Urgency", 2));

        snippets.assertRoundTrip(step, "asmUpdateCall fields: [Urgency: 2]");
    }

    @Test
    void lockBlockRoundTrips() throws Exception {
        WithAsmLockStep step = new WithAsmLockStep("1234");
        step.setSite("prod");
        step.setFailIfLocked(true);

        snippets.assertRoundTrip(
                step, "withAsmLock(callRef: '1234', failIfLocked: true, site: 'prod') {\n    // some block\n}");
    }

    @Test
    void tokenBindingRoundTrips() throws Exception {
        AsmTokenBinding binding = new AsmTokenBinding("ASM_TOKEN", "asm-login");
        binding.setSite("prod");

        snippets.assertRoundTrip(
                new BindingStep(List.of(binding)),
                "withCredentials([asmToken(credentialsId: 'asm-login', site: 'prod', variable: 'ASM_TOKEN')]) {\n"
                        + "    // some block\n}");
    }

    @Test
    void everyStepDocumentsItsParameters() throws Exception {
        SnippetizerTester.assertDocGeneration(LockCallStep.class);
        SnippetizerTester.assertDocGeneration(UnlockCallStep.class);
        SnippetizerTester.assertDocGeneration(UpdateCallStep.class);
        SnippetizerTester.assertDocGeneration(WithAsmLockStep.class);
    }
}
