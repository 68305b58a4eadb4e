package io.argo4j.store.internal;

import io.argo4j.store.InvalidQueryException;
import io.argo4j.store.StoredWorkflow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page ended: the sort key (creation time, namespace, name) of its last document. The next
 * page starts strictly after it, so documents inserted meanwhile never repeat or push others onto a
 * page already read (keyset pagination). Opaque to callers: URL-safe Base64.
 *
 * @param creationTimestamp the last document's creation time
 * @param namespace its namespace
 * @param name its name
 */
record ContinueToken(Instant creationTimestamp, String namespace, String name) {

  private static final int FORMAT = 1;

  static ContinueToken after(StoredWorkflow last) {
    return new ContinueToken(last.creationTimestamp(), last.key().namespace(), last.key().name());
  }

  String encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeLong(creationTimestamp.getEpochSecond());
      out.writeInt(creationTimestamp.getNano());
      out.writeUTF(namespace);
      out.writeUTF(name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
  }

  static ContinueToken decode(String token) throws InvalidQueryException {
    try (DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(token)))) {
      if (in.readByte() != FORMAT) {
        throw invalid(token);
      }
      Instant time = Instant.ofEpochSecond(in.readLong(), in.readInt());
      ContinueToken decoded = new ContinueToken(time, in.readUTF(), in.readUTF());
      if (in.read() != -1) {
        throw invalid(token);
      }
      return decoded;
    } catch (IOException | IllegalArgumentException | java.time.DateTimeException e) {
      throw invalid(token);
    }
  }

  private static InvalidQueryException invalid(String token) {
    return new InvalidQueryException(
        "continue token \""
            + token
            + "\" was not issued by this store or is damaged; list again from the first page"
            + " (without a continue token)");
  }
}
