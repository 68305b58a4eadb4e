package io.argo4j.model.internal.tree;

import com.fasterxml.jackson.databind.JsonNode;
import io.argo4j.model.io.ModelProblem;
import io.argo4j.model.io.SourceLocation;
import io.argo4j.model.io.SourceMap;
import java.util.List;

/** One document as a JSON tree with its source map and the problems found while reading it. */
public record RawDocument(
    int index,
    SourceLocation start,
    JsonNode root,
    SourceMap sourceMap,
    List<ModelProblem> problems) {}
