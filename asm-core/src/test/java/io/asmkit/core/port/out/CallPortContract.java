package io.asmkit.core.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asmkit.core.domain.ActionNotAllowedException;
import io.asmkit.core.domain.Call;
import io.asmkit.core.domain.CallAction;
import io.asmkit.core.domain.CallLockedException;
import io.asmkit.core.domain.CallNotFoundException;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.inmemory.CallStage;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link CallPort} must show, run by each implementation's test against its own
 * set-up: extend this class and implement {@link #world()}.
 */
public abstract class CallPortContract {

  /** The system under test, as the port's user and as an observer that can set up state. */
  protected interface World {

    /** The port under test, acting as {@link #user()}. */
    CallPort port();

    /** The name of the port's user, as lock holders are named. */
    String user();

    /** Adds a call in the given stage and returns its reference. */
    CallRef addCall(CallStage stage, String description);

    /** Makes another user the holder of the call's lock. */
    void lockAs(String otherUser, CallRef ref);

    /** Who holds the call's lock, as the system itself sees it. */
    Optional<String> lockHolder(CallRef ref);

    /** The call's stage, as the system itself sees it. */
    CallStage stage(CallRef ref);

    /** A reference no call has. */
    CallRef unknownRef();
  }

  private World world;
  private CallPort port;

  /** Makes a fresh world for one test. */
  protected abstract World world();

  @BeforeEach
  void setUpWorld() {
    world = world();
    port = world.port();
  }

  @Test
  void locksAndUnlocksAnOpenCall() {
    CallRef ref = world.addCall(CallStage.OPEN, "printer on fire");

    port.lock(ref);
    assertThat(world.lockHolder(ref)).contains(world.user());

    port.unlock(ref);
    assertThat(world.lockHolder(ref)).isEmpty();
  }

  @Test
  void lockingACallAlreadyHeldByUsSucceeds() {
    CallRef ref = world.addCall(CallStage.OPEN, "twice");

    port.lock(ref);
    port.lock(ref);

    assertThat(world.lockHolder(ref)).contains(world.user());
  }

  @Test
  void refusesLockHeldByAnotherUserNamingTheHolder() {
    CallRef ref = world.addCall(CallStage.OPEN, "busy");
    world.lockAs("jsmith", ref);

    assertThatThrownBy(() -> port.lock(ref))
        .isInstanceOfSatisfying(
            CallLockedException.class,
            e -> {
              assertThat(e.holder()).contains("jsmith");
              assertThat(e.callRef()).contains(ref);
              assertThat(e.getMessage()).contains(ref.toString()).contains("jsmith");
            });
    assertThat(world.lockHolder(ref)).contains("jsmith");
  }

  @Test
  void updatesAnOpenCallLockedByUs() {
    CallRef ref = world.addCall(CallStage.OPEN, "before");
    port.lock(ref);

    port.update(ref, CallUpdate.builder().description("after <deploy>").build());

    Call call = port.get(ref);
    assertThat(call.ref()).isEqualTo(ref);
    assertThat(call.description()).contains("after <deploy>");
    assertThat(call.field("DescriptionHtml")).contains("after &lt;deploy&gt;");
  }

  @Test
  void updatesANewCallWithoutALock() {
    CallRef ref = world.addCall(CallStage.NEW, "new");

    port.update(ref, CallUpdate.builder().description("still new").build());

    assertThat(port.get(ref).description()).contains("still new");
    assertThat(world.lockHolder(ref)).isEmpty();
  }

  @Test
  void refusesUpdateOfAnOpenCallNotLocked() {
    CallRef ref = world.addCall(CallStage.OPEN, "unchanged");

    assertThatThrownBy(() -> port.update(ref, CallUpdate.builder().description("x").build()))
        .isInstanceOf(ActionNotAllowedException.class)
        .hasMessageContaining(ref.toString());
    assertThat(port.get(ref).description()).contains("unchanged");
  }

  @Test
  void refusesUpdateOfACallLockedByAnotherUser() {
    CallRef ref = world.addCall(CallStage.OPEN, "unchanged");
    world.lockAs("jsmith", ref);

    assertThatThrownBy(() -> port.update(ref, CallUpdate.builder().description("x").build()))
        .isInstanceOf(CallLockedException.class);
    assertThat(port.get(ref).description()).contains("unchanged");
  }

  @Test
  void refusesUnlockOfACallLockedByAnotherUser() {
    CallRef ref = world.addCall(CallStage.OPEN, "held");
    world.lockAs("jsmith", ref);

    assertThatThrownBy(() -> port.unlock(ref)).isInstanceOf(CallLockedException.class);
    assertThat(world.lockHolder(ref)).contains("jsmith");
  }

  @Test
  void unlockingACallNobodyHoldsSucceeds() {
    CallRef ref = world.addCall(CallStage.OPEN, "free");

    port.unlock(ref);

    assertThat(world.lockHolder(ref)).isEmpty();
  }

  @Test
  void reportsUnknownCallsAsNotFound() {
    CallRef unknown = world.unknownRef();

    assertThatThrownBy(() -> port.get(unknown)).isInstanceOf(CallNotFoundException.class);
    assertThatThrownBy(() -> port.lock(unknown)).isInstanceOf(CallNotFoundException.class);
    assertThatThrownBy(() -> port.unlock(unknown)).isInstanceOf(CallNotFoundException.class);
    assertThatThrownBy(() -> port.update(unknown, CallUpdate.builder().status(3).build()))
        .isInstanceOf(CallNotFoundException.class)
        .satisfies(e -> assertThat(((CallNotFoundException) e).callRef()).contains(unknown));
  }

  @Test
  void closingReleasesTheLockAndClosesTheCall() {
    CallRef ref = world.addCall(CallStage.OPEN, "done");
    port.lock(ref);

    port.perform(ref, CallAction.of(CallAction.Kind.CLOSE));

    assertThat(world.lockHolder(ref)).isEmpty();
    assertThat(world.stage(ref)).isEqualTo(CallStage.CLOSED);
    assertThatThrownBy(() -> port.lock(ref)).isInstanceOf(ActionNotAllowedException.class);
  }

  @Test
  void forwardingAndDeferringReleaseTheLock() {
    CallRef forwarded = world.addCall(CallStage.OPEN, "forward me");
    CallRef deferred = world.addCall(CallStage.OPEN, "defer me");
    port.lock(forwarded);
    port.lock(deferred);

    port.perform(forwarded, CallAction.of(CallAction.Kind.FORWARD, Map.of("ReceivingGroup", 7)));
    port.perform(deferred, CallAction.of(CallAction.Kind.DEFER));

    assertThat(world.lockHolder(forwarded)).isEmpty();
    assertThat(world.lockHolder(deferred)).isEmpty();
    assertThat(world.stage(forwarded)).isEqualTo(CallStage.OPEN);
  }

  @Test
  void createdCallIsNewUntilSubmitted() {
    CallRef ref = port.create(CallUpdate.builder().description("from a pipeline").build());
    assertThat(world.stage(ref)).isEqualTo(CallStage.NEW);

    port.submit(ref);

    assertThat(world.stage(ref)).isEqualTo(CallStage.OPEN);
    assertThat(port.get(ref).description()).contains("from a pipeline");
    assertThatThrownBy(() -> port.submit(ref)).isInstanceOf(ActionNotAllowedException.class);
  }
}
