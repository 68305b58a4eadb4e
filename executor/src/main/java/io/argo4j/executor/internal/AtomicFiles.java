package io.argo4j.executor.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** Files written whole or not at all (temporary file, then rename), so readers never see half. */
public final class AtomicFiles {
  private AtomicFiles() {}

  public static void write(Path file, byte[] content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, content);
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  public static void write(Path file, String content) throws IOException {
    write(file, content.getBytes(StandardCharsets.UTF_8));
  }

  public static void writeExecutable(Path file, String content) throws IOException {
    write(file, content);
    Files.setPosixFilePermissions(file, Modes.permissions(0755));
  }

  /** Permission bits as NIO permissions. */
  public static final class Modes {
    private Modes() {}

    private static final PosixFilePermission[] ORDER = {
      PosixFilePermission.OTHERS_EXECUTE,
      PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };

    public static Set<PosixFilePermission> permissions(int mode) {
      Set<PosixFilePermission> out = java.util.EnumSet.noneOf(PosixFilePermission.class);
      for (int bit = 0; bit < ORDER.length; bit++) {
        if ((mode & (1 << bit)) != 0) {
          out.add(ORDER[bit]);
        }
      }
      return out;
    }
  }
}
