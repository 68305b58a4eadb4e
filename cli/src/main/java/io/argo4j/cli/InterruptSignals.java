package io.argo4j.cli;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C (SIGINT) and SIGTERM while a workflow runs: the first one calls {@code first} (terminate
 * the workflow cleanly), any later one calls {@code again} (kill the steps now). The JVM's own
 * handling (run shutdown hooks and exit) would leave no time to record the workflow's final state.
 *
 * <p>Uses {@code sun.misc.Signal} through reflection (it is in {@code jdk.unsupported}, present in
 * every JDK); where it is missing the handlers are not installed and Ctrl-C ends the process, the
 * next argo4j start then finishing the workflow.
 */
public final class InterruptSignals implements AutoCloseable {

  private record Installed(Object signal, Object previous) {}

  private final List<Installed> installed = new ArrayList<>();
  private final AtomicInteger count = new AtomicInteger();

  private InterruptSignals() {}

  /** Installs the handlers until {@link #close()}. */
  public static InterruptSignals install(Runnable first, Runnable again) {
    InterruptSignals signals = new InterruptSignals();
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
      InvocationHandler onSignal =
          (proxy, method, args) ->
              switch (method.getName()) {
                case "handle" -> {
                  if (signals.count.getAndIncrement() == 0) {
                    first.run();
                  } else {
                    again.run();
                  }
                  yield null;
                }
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                case "toString" -> "argo4j interrupt handler";
                default -> null;
              };
      Object handler =
          Proxy.newProxyInstance(
              InterruptSignals.class.getClassLoader(), new Class<?>[] {handlerClass}, onSignal);
      for (String name : List.of("INT", "TERM")) {
        Object signal = signalClass.getConstructor(String.class).newInstance(name);
        Object previous = handle.invoke(null, signal, handler);
        signals.installed.add(new Installed(signal, previous));
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // no signal handling on this JVM: Ctrl-C ends the process, recovery finishes the workflow
    }
    return signals;
  }

  @Override
  public void close() {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
      for (Installed i : installed) {
        handle.invoke(null, i.signal(), i.previous());
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // nothing was installed
    }
    installed.clear();
  }
}
