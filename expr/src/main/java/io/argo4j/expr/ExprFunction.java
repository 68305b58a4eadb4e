package io.argo4j.expr;

import java.util.List;

/**
 * A function callable from an expression, such as {@code asInt(x)} or {@code sprig.trim(x)}. Put
 * one in an environment map to make it available. Throw {@link IllegalArgumentException} (or any
 * runtime exception) to fail the evaluation; the message is reported with the call's position.
 */
@FunctionalInterface
public interface ExprFunction {
  /** Calls the function with already evaluated arguments. */
  Object call(List<Object> args);
}
