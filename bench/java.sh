# Sourced by the bench scripts: prints the path of a java 21 or newer.
java_for_bench() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
    [[ -n "$candidate" && -x "$candidate/bin/java" ]] || continue
    local major
    major=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java.specification.version = //p')
    if (( major >= 21 )); then echo "$candidate/bin/java"; return; fi
  done
  echo "bench: no Java 21 or newer found; set JAVA_HOME" >&2
  exit 2
}
