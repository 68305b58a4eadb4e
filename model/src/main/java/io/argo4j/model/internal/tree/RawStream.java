package io.argo4j.model.internal.tree;

import io.argo4j.model.io.ModelProblem;
import java.util.List;

/**
 * The documents of one source, up to the first syntax error (then {@code fatal} says where it is).
 */
public record RawStream(List<RawDocument> documents, ModelProblem fatal) {}
