package io.argo4j.expr.internal;

/** A runtime failure inside the interpreter; the evaluating node turns it into an ExprException. */
public final class EvalError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  int pos = -1;

  public EvalError(String message) {
    super(message, null, false, false);
  }

  /** The char offset of the failing node, or -1. */
  public int pos() {
    return pos;
  }

  /** Convenience: throws an EvalError with a formatted message. */
  public static EvalError of(String format, Object... args) {
    return new EvalError(args.length == 0 ? format : String.format(format, args));
  }
}
