/**
 * JMH benchmarks of Argo4j's expression languages. Build with {@code ./build -pl bench -am package
 * -DskipTests}, run with {@code java -jar bench/target/benchmarks.jar}; docs/benchmarks.md has the
 * figures and the exact command that produced them.
 */
package io.argo4j.bench;
