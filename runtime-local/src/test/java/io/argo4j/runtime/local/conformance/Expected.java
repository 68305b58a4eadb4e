package io.argo4j.runtime.local.conformance;

/** What a conformance example must end as. */
enum Expected {
  SUCCEEDED("Succeeded"),
  FAILED("Failed"),
  SUCCEEDED_OR_FAILED("Succeeded or Failed"),
  /** Waits for a person ({@code argo resume}): it must stay suspended until it is stopped. */
  STAYS_SUSPENDED("stays Suspended");

  private final String text;

  Expected(String text) {
    this.text = text;
  }

  String text() {
    return text;
  }

  boolean accepts(String result) {
    return switch (this) {
      case SUCCEEDED -> result.equals(Outcome.SUCCEEDED);
      case FAILED -> result.equals(Outcome.FAILED);
      case SUCCEEDED_OR_FAILED -> result.equals(Outcome.SUCCEEDED) || result.equals(Outcome.FAILED);
      case STAYS_SUSPENDED -> result.equals(Outcome.SUSPENDED);
    };
  }
}
