package io.argo4j.model;

/** An enum whose JSON form is a fixed string, such as a node phase ("Succeeded"). */
public interface StringEnum {
  /** The string this constant is written as in JSON and YAML. */
  String value();
}
