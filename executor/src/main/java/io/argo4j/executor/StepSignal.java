package io.argo4j.executor;

/** Signals a runner may send to a step's process group. */
public enum StepSignal {
  TERM,
  KILL,
  INT,
  HUP,
  QUIT,
  USR1,
  USR2
}
