package io.argo4j.executor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An image reference split the way Docker reads it: {@code [registry/]repository[:tag][@digest]},
 * with Docker Hub's registry and its {@code library/} prefix removed.
 *
 * @param repository e.g. {@code python}, {@code argoproj/argosay}, {@code quay.io/org/tool}
 * @param tag the tag, or {@code ""}
 */
public record ImageName(String repository, String tag) {

  public static ImageName parse(String image) {
    String s = image.trim();
    int at = s.indexOf('@');
    if (at >= 0) {
      s = s.substring(0, at);
    }
    String tag = "";
    int slash = s.lastIndexOf('/');
    int colon = s.lastIndexOf(':');
    if (colon > slash) {
      tag = s.substring(colon + 1);
      s = s.substring(0, colon);
    }
    List<String> parts = new ArrayList<>(List.of(s.split("/", -1)));
    if (parts.size() > 1) {
      String first = parts.get(0).toLowerCase(Locale.ROOT);
      if (first.equals("docker.io")
          || first.equals("index.docker.io")
          || first.equals("registry-1.docker.io")) {
        parts.remove(0);
      }
    }
    if (parts.size() > 1 && parts.get(0).equals("library")) {
      parts.remove(0);
    }
    return new ImageName(String.join("/", parts), tag);
  }

  /** Forms a user pattern may match: as written, {@code repository:tag}, {@code repository}. */
  public static List<String> candidates(String image) {
    ImageName name = parse(image);
    List<String> out = new ArrayList<>();
    out.add(image.trim());
    out.add(name.repository() + ":" + (name.tag().isEmpty() ? "latest" : name.tag()));
    out.add(name.repository());
    return out;
  }
}
