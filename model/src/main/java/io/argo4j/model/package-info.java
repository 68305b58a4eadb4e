/** Types of Argo's custom resources and their YAML/JSON representation. */
package io.argo4j.model;
