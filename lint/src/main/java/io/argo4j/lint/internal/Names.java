package io.argo4j.lint.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/** Argo's and Kubernetes' rules for names. */
final class Names {
  private static final Pattern FIELD_NAME = Pattern.compile("[a-zA-Z0-9][-a-zA-Z0-9]*");
  private static final Pattern PARAM_NAME = Pattern.compile("[-a-zA-Z0-9_]+");
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final int FIELD_MAX = 128;

  /** Names written as {@code {{...}}} are resolved at run time and not checked here. */
  static final Pattern PARAMETER = Pattern.compile("\\{\\{[-a-zA-Z0-9]+(\\.[-a-zA-Z0-9_]+)*}}");

  private Names() {}

  /** Why a template, step or task name is invalid, if it is. */
  static Optional<String> fieldNameProblem(String name) {
    if (name.length() > FIELD_MAX) {
      return Optional.of("must be no more than " + FIELD_MAX + " characters");
    }
    if (!FIELD_NAME.matcher(name).matches()) {
      return Optional.of(
          "must consist of alphanumeric characters or '-' and start with an alphanumeric"
              + " character (e.g. my-name1-2, 123-NAME)");
    }
    return Optional.empty();
  }

  /** Why a parameter or artifact name is invalid, if it is. */
  static Optional<String> parameterNameProblem(String name) {
    return PARAM_NAME.matcher(name).matches()
        ? Optional.empty()
        : Optional.of(
            "must consist of alphanumeric characters, '_' or '-' (e.g. my_param_1, MY-PARAM-1)");
  }

  /** Why an object name is not a DNS-1123 subdomain of at most {@code max} characters. */
  static Optional<String> objectNameProblem(String name, int max) {
    if (name.length() > max) {
      return Optional.of(
          "must be no more than " + max + " characters (it has " + name.length() + ")");
    }
    return dnsSubdomainProblem(name);
  }

  /** Why {@code name} is not a DNS-1123 subdomain, if it is not. */
  static Optional<String> dnsSubdomainProblem(String name) {
    if (name.isEmpty() || name.length() > 253) {
      return Optional.of("must be 1 to 253 characters");
    }
    for (String label : name.split("\\.", -1)) {
      if (!DNS_LABEL.matcher(label).matches()) {
        return Optional.of(
            "must be a lowercase DNS-1123 subdomain: lowercase alphanumeric characters, '-' or"
                + " '.', starting and ending with an alphanumeric character (e.g. my-name,"
                + " example.com)");
      }
    }
    return Optional.empty();
  }

  /** A lowercase, DNS-safe version of {@code name} to suggest. */
  static String dnsSuggestion(String name) {
    String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
    s = s.replaceAll("^[-.]+", "").replaceAll("[-.]+$", "");
    return s.isEmpty() ? null : s;
  }
}
