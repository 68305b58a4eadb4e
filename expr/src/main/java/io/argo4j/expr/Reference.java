package io.argo4j.expr;

/**
 * A variable a template refers to: the name of a simple tag ({@code inputs.parameters.x} for {@code
 * {{ inputs.parameters.x }}}) or a variable path read by an expression tag ({@code
 * inputs.parameters.my-p} for {@code {{=inputs.parameters['my-p']}}}).
 *
 * @param name the variable, whitespace trimmed
 * @param expression whether it comes from a {@code {{=...}}} tag
 * @param offset char offset of the tag (its opening braces) in the template
 */
public record Reference(String name, boolean expression, int offset) {}
