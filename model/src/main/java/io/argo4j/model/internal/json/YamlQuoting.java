package io.argo4j.model.internal.json;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import io.argo4j.model.internal.tree.ScalarResolver;
import java.util.regex.Pattern;

/**
 * Quotes every string that a YAML reader could take for something else if written plain: what our
 * reader would type as null, boolean or number, and what other YAML 1.1 readers would (sexagesimal
 * numbers, timestamps, infinities).
 */
public final class YamlQuoting extends StringQuotingChecker.Default {
  private static final long serialVersionUID = 1L;
  private static final Pattern RISKY =
      Pattern.compile(
          "[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
              + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \\t].*)?"
              + "|[-+]?\\.(inf|Inf|INF|nan|NaN|NAN)"
              + "|=|<<");

  @Override
  public boolean needToQuoteValue(String value) {
    return super.needToQuoteValue(value)
        || ScalarResolver.needsQuotes(value)
        || RISKY.matcher(value).matches();
  }
}
