package io.asmkit.core.inmemory;

import io.asmkit.core.domain.ActionNotAllowedException;
import io.asmkit.core.domain.Call;
import io.asmkit.core.domain.CallAction;
import io.asmkit.core.domain.CallLockedException;
import io.asmkit.core.domain.CallNotFoundException;
import io.asmkit.core.domain.CallRef;
import io.asmkit.core.domain.CallUpdate;
import io.asmkit.core.domain.FieldNames;
import io.asmkit.core.domain.InvalidInputException;
import io.asmkit.core.domain.RequestRejectedException;
import io.asmkit.core.port.out.CallPort;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An ASM system in memory: calls, their stages and locks, and the rules ASM documents for them. The
 * core's tests use it through {@link #portFor(String)}; the sandbox serves it over HTTP.
 *
 * <p>Rules (from Alemba's documentation): a call is New until submitted, then Open, then Closed; an
 * update is allowed when the call is New, or Open and locked by the updating user; a lock held by
 * one user is refused to every other; forward, defer and close release the lock; rich-text fields
 * come in pairs ({@code X} with {@code XHtml}).
 *
 * <p>Assumptions, since ASM does not document them: locking a call one already holds succeeds;
 * unlocking a call nobody holds succeeds; New and Open calls may be locked, Closed ones not;
 * forward, defer and close apply their parameters as field changes, and close sets the stage to
 * Closed.
 *
 * <p>All methods are synchronized: the model is safe under concurrent use.
 */
public final class InMemoryAsm {

  private final Map<CallRef, Record> calls = new TreeMap<>();
  private final Map<Integer, String> statusTitles;
  private final Set<String> richTextFields = new LinkedHashSet<>(Set.of(FieldNames.DESCRIPTION));
  private long nextRef;

  /**
   * Creates an empty system with the given status titles (number to title) and first call number.
   */
  public InMemoryAsm(Map<Integer, String> statusTitles, long firstRef) {
    this.statusTitles = Collections.unmodifiableMap(new TreeMap<>(statusTitles));
    this.nextRef = firstRef;
  }

  /** Creates an empty system with {@link #defaultStatusTitles()} and calls numbered from 1000. */
  public InMemoryAsm() {
    this(defaultStatusTitles(), 1000);
  }

  /** A small list of status titles, as a site might configure them. */
  public static Map<Integer, String> defaultStatusTitles() {
    Map<Integer, String> titles = new LinkedHashMap<>();
    titles.put(1, "Logged");
    titles.put(2, "Assigned");
    titles.put(3, "In Progress");
    titles.put(4, "Awaiting Deployment");
    titles.put(5, "Deployed");
    titles.put(6, "Resolved");
    return titles;
  }

  /** The site's status titles, by number. */
  public Map<Integer, String> statusTitles() {
    return statusTitles;
  }

  /** Declares another rich-text field, whose HTML companion must be sent with it. */
  public synchronized void addRichTextField(String name) {
    richTextFields.add(FieldNames.requireValid(name));
  }

  /** A view of this system as seen by {@code user}. */
  public CallPort portFor(String user) {
    return new UserPort(this, user);
  }

  // --- set-up and inspection, for tests and the sandbox's sample data

  /** Adds a call in the given stage with the given fields, and returns its reference. */
  public synchronized CallRef addCall(CallStage stage, Map<String, ?> fields) {
    CallRef ref = CallRef.of(nextRef++);
    Record record = new Record(stage);
    record.fields.putAll(fields);
    calls.put(ref, record);
    return ref;
  }

  /** Makes {@code user} the holder of the call's lock, whoever held it before. */
  public synchronized void forceLock(CallRef ref, String user) {
    find(ref).holder = user;
  }

  /** Who holds the call's lock, if anyone. */
  public synchronized Optional<String> lockHolder(CallRef ref) {
    return Optional.ofNullable(find(ref).holder);
  }

  /** The call's stage. */
  public synchronized CallStage stage(CallRef ref) {
    return find(ref).stage;
  }

  /** The references of all calls, in order. */
  public synchronized List<CallRef> refs() {
    return new ArrayList<>(calls.keySet());
  }

  /** The references of the calls locked by anyone. */
  public synchronized List<CallRef> lockedRefs() {
    List<CallRef> locked = new ArrayList<>();
    calls.forEach(
        (ref, record) -> {
          if (record.holder != null) {
            locked.add(ref);
          }
        });
    return locked;
  }

  // --- the operations, as one user

  /** Reads a call, with its {@code Ref}, stage and lock holder as extra fields. */
  public synchronized Call get(String user, CallRef ref) {
    Record record = find(ref);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("Ref", ref.value());
    fields.putAll(record.fields);
    return new Call(ref, fields);
  }

  /** Locks a call for {@code user}. */
  public synchronized void lock(String user, CallRef ref) {
    Record record = find(ref);
    refuseIfHeldByOther(user, ref, record);
    if (record.stage == CallStage.CLOSED) {
      throw notAllowed(ref, "Call " + ref + " is closed and cannot be locked.");
    }
    record.holder = user;
  }

  /** Unlocks a call held by {@code user}; nothing happens when nobody holds it. */
  public synchronized void unlock(String user, CallRef ref) {
    Record record = find(ref);
    refuseIfHeldByOther(user, ref, record);
    record.holder = null;
  }

  /**
   * Changes fields as {@code user}. The fields are checked as ASM would: valid names, rich text in
   * pairs, known status numbers.
   */
  public synchronized void update(String user, CallRef ref, Map<String, ?> fields) {
    Record record = find(ref);
    refuseIfHeldByOther(user, ref, record);
    if (record.stage == CallStage.CLOSED) {
      throw notAllowed(ref, "Call " + ref + " is closed and cannot be updated.");
    }
    if (record.stage == CallStage.OPEN && !user.equals(record.holder)) {
      throw notAllowed(
          ref, "Call " + ref + " is Open and not locked by you: lock it before updating it.");
    }
    checkFields(ref, fields);
    record.fields.putAll(fields);
  }

  /** Forwards, defers or closes a call as {@code user}, releasing its lock. */
  public synchronized void perform(String user, CallRef ref, CallAction action) {
    Record record = find(ref);
    refuseIfHeldByOther(user, ref, record);
    if (record.stage == CallStage.CLOSED) {
      throw notAllowed(ref, "Call " + ref + " is closed: it cannot be " + past(action) + ".");
    }
    checkFields(ref, action.parameters());
    record.fields.putAll(action.parameters());
    record.holder = null;
    if (action.kind() == CallAction.Kind.CLOSE) {
      record.stage = CallStage.CLOSED;
    }
  }

  /** Creates a New call as {@code user}. */
  public synchronized CallRef create(String user, Map<String, ?> fields) {
    checkFields(null, fields);
    return addCall(CallStage.NEW, fields);
  }

  /** Submits a New call, making it Open. */
  public synchronized void submit(String user, CallRef ref) {
    Record record = find(ref);
    if (record.stage != CallStage.NEW) {
      throw notAllowed(ref, "Call " + ref + " is not New: only a New call can be submitted.");
    }
    record.stage = CallStage.OPEN;
  }

  private void checkFields(CallRef ref, Map<String, ?> fields) {
    for (Map.Entry<String, ?> field : fields.entrySet()) {
      String name = field.getKey();
      try {
        FieldNames.requireValid(name);
      } catch (InvalidInputException e) {
        throw rejected(ref, "The request is invalid: unknown field '" + name + "'.");
      }
      boolean companion = FieldNames.isHtmlCompanion(name);
      String partner = companion ? FieldNames.plainOf(name) : FieldNames.htmlOf(name);
      boolean richText = companion || richTextFields.contains(name);
      if (richText && !fields.containsKey(partner)) {
        throw rejected(
            ref,
            "The request is invalid: " + name + " must be sent together with " + partner + ".");
      }
    }
    Object status = fields.get(FieldNames.CALL_STATUS);
    if (status != null
        && !(status instanceof Number && statusTitles.containsKey(((Number) status).intValue()))) {
      throw rejected(
          ref, "The request is invalid: CallStatus " + status + " is not a status of this system.");
    }
  }

  private static void refuseIfHeldByOther(String user, CallRef ref, Record record) {
    if (record.holder != null && !record.holder.equals(user)) {
      throw CallLockedException.heldBy(ref, record.holder);
    }
  }

  private Record find(CallRef ref) {
    Record record = calls.get(ref);
    if (record == null) {
      throw new CallNotFoundException("Call " + ref + " does not exist.", ref, 0, null, null);
    }
    return record;
  }

  private static ActionNotAllowedException notAllowed(CallRef ref, String message) {
    return new ActionNotAllowedException(message, ref, 0, null, null);
  }

  private static RequestRejectedException rejected(CallRef ref, String message) {
    return new RequestRejectedException(message, ref, 0, null, null);
  }

  private static String past(CallAction action) {
    return switch (action.kind()) {
      case FORWARD -> "forwarded";
      case DEFER -> "deferred";
      case CLOSE -> "closed again";
    };
  }

  /** One call's state. */
  private static final class Record {
    private CallStage stage;
    private String holder;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    Record(CallStage stage) {
      this.stage = stage;
    }
  }

  /** The port as one user sees the system. */
  private record UserPort(InMemoryAsm asm, String user) implements CallPort {

    @Override
    public Call get(CallRef ref) {
      return asm.get(user, ref);
    }

    @Override
    public void lock(CallRef ref) {
      asm.lock(user, ref);
    }

    @Override
    public void update(CallRef ref, CallUpdate update) {
      asm.update(user, ref, update.fields());
    }

    @Override
    public void unlock(CallRef ref) {
      asm.unlock(user, ref);
    }

    @Override
    public void perform(CallRef ref, CallAction action) {
      asm.perform(user, ref, action);
    }

    @Override
    public CallRef create(CallUpdate fields) {
      return asm.create(user, fields.fields());
    }

    @Override
    public void submit(CallRef ref) {
      asm.submit(user, ref);
    }
  }
}
