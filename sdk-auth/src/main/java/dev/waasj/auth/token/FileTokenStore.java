package dev.waasj.auth.token;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import dev.waasj.errors.TokenStoreException;
import dev.waasj.internal.auth.Checks;
import dev.waasj.internal.json.JsonSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;

/**
 * Keeps each app/organization token in its own JSON file in a directory, so a restarted app or another worker on
 * the same machine picks it up. Writes go to a temporary file that is flushed to disk and then atomically renamed
 * over the old one, so a crash mid-write leaves the previous token intact, never a torn file. On POSIX file systems
 * the directory is created {@code rwx------} and files are {@code rw-------}: tokens are secrets.
 *
 * <p>Processes sharing a directory coordinate their refreshes: the {@linkplain #acquireRefreshLease refresh lease}
 * is an exclusive lock on a lock file beside the token's ({@code org-token-<id>.lock}), held from reading the stored
 * token to saving the new one, so one process refreshes and the others adopt its token. The operating system
 * releases the lock when its holder dies, so a lease never outlives its process (its {@code ttl} plays no part)
 * and no save happens without it. The directory must be on a local file system: network file systems' locks are
 * not to be trusted. After the rename the directory itself is flushed too, so a power loss cannot bring back the
 * old, already spent refresh token.
 *
 * <p>{@link #organizations} reads every token file of the directory (a file's name is a digest, so only its
 * content says whose token it holds), so it takes longer the more files the directory has.
 */
public final class FileTokenStore implements TokenStore {
  private static final System.Logger LOG = System.getLogger(FileTokenStore.class.getName());
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
  /** JVM-wide: the OS lock belongs to the process, and a second channel locking it here would throw. */
  private static final LocalLeases IN_PROCESS = new LocalLeases();

  private final Path directory;
  private final JsonAdapter<Map<String, Object>> json =
      JsonSupport.moshi().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  /** Stores tokens in {@code directory}, created on first save if absent. */
  public FileTokenStore(Path directory) {
    this.directory = directory.toAbsolutePath();
  }

  /** The file that holds the token of this app and organization. */
  public Path fileFor(String clientId, String orgId) {
    return directory.resolve("org-token-" + fingerprint(clientId + '\n' + orgId) + ".json");
  }

  @Override
  public @Nullable OrgToken load(String clientId, String orgId) {
    Path file = fileFor(clientId, orgId);
    return token(file, read(file), clientId, orgId);
  }

  /** The token in {@code m}, read from {@code file}, if it is this app and organization's; else null. */
  private static @Nullable OrgToken token(
      Path file, @Nullable Map<String, Object> m, String clientId, String orgId) {
    if (m == null || !clientId.equals(m.get("client_id")) || !orgId.equals(m.get("org_id"))) {
      return null;
    }
    try {
      return OrgToken.builder()
          .clientId(clientId)
          .orgId(orgId)
          .accessToken((String) m.get("access_token"))
          .refreshToken((String) m.get("refresh_token"))
          .tokenType((String) m.get("token_type"))
          .obtainedAt(Instant.parse((String) m.get("obtained_at")))
          .expiresAt(Instant.parse((String) m.get("expires_at")))
          .refreshExpiresAt(Instant.parse((String) m.get("refresh_expires_at")))
          .build();
    } catch (RuntimeException e) {
      warnUnreadable(file, e);
      return null;
    }
  }

  /**
   * Lists the token files of this directory whose content names app {@code clientId}, and that are where {@link
   * #load} looks for that organization's token (a file copied under another name is not listed) and read as a token.
   *
   * @throws TokenStoreException if the directory or a file in it cannot be read
   */
  @Override
  public Set<String> organizations(String clientId) {
    Checks.notBlankArgument(clientId, "clientId");
    Set<String> orgs = new HashSet<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "org-token-*.json")) {
      for (Path file : files) {
        Map<String, Object> m = read(file);
        if (m != null && m.get("org_id") instanceof String orgId
            && file.getFileName().equals(fileFor(clientId, orgId).getFileName())
            && token(file, m, clientId, orgId) != null) {
          orgs.add(orgId);
        }
      }
    } catch (NoSuchFileException e) {
      return Set.of(); // nothing saved yet: the directory is made by the first save
    } catch (IOException | UncheckedIOException | DirectoryIteratorException e) {
      throw new TokenStoreException("Cannot list the token files of " + directory, e);
    }
    return Set.copyOf(orgs);
  }

  /** The file's JSON object; null when it is gone or does not parse (logged, never quoted). */
  private @Nullable Map<String, Object> read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read token file " + file, e);
    }
    try {
      return json.fromJson(text);
    } catch (IOException | RuntimeException e) {
      warnUnreadable(file, e);
      return null;
    }
  }

  /** Says which file, never what is in it. */
  private static void warnUnreadable(Path file, Exception e) {
    LOG.log(System.Logger.Level.WARNING, "Ignoring unreadable token file {0} ({1})", file,
        e.getClass().getSimpleName());
  }

  @Override
  public void save(OrgToken token) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("client_id", token.clientId());
    m.put("org_id", token.orgId());
    m.put("access_token", token.accessToken());
    m.put("refresh_token", token.refreshToken());
    m.put("token_type", token.tokenType());
    m.put("obtained_at", token.obtainedAt().toString());
    m.put("expires_at", token.expiresAt().toString());
    m.put("refresh_expires_at", token.refreshExpiresAt().toString());
    byte[] bytes = json.toJson(m).getBytes(StandardCharsets.UTF_8);
    Path target = fileFor(token.clientId(), token.orgId());
    Path temp = null;
    try {
      createDirectory();
      temp = POSIX
          ? Files.createTempFile(directory, ".org-token-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_FILE))
          : Files.createTempFile(directory, ".org-token-", ".tmp");
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temp = null;
      syncDirectory();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write token file " + target, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // best effort: a stray temp file is never read as a token
        }
      }
    }
  }

  @Override
  public void delete(String clientId, String orgId) {
    try {
      Files.deleteIfExists(fileFor(clientId, orgId));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete token file " + fileFor(clientId, orgId), e);
    }
  }

  /**
   * Takes the lock file's exclusive lock, polling until {@code maxWait} has passed; see the class documentation.
   *
   * @throws dev.waasj.errors.TokenStoreException if another holder kept it longer, or the lock file failed
   */
  @Override
  public RefreshLease acquireRefreshLease(String clientId, String orgId, Duration ttl, Duration maxWait) {
    Path lockFile = directory.resolve("org-token-" + fingerprint(clientId + '\n' + orgId) + ".lock");
    String what = "org " + orgId + " in " + directory;
    long deadline = System.nanoTime() + maxWait.toNanos();
    Semaphore permit = IN_PROCESS.acquire(lockFile.toString(), maxWait, what);
    FileChannel channel = null;
    try {
      createDirectory();
      channel = POSIX
          ? FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
              PosixFilePermissions.asFileAttribute(OWNER_FILE))
          : FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileChannel locked = channel;
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime())); // the permit took the rest
      return RefreshLease.poll(what, left, () -> {
        FileLock lock;
        try {
          lock = locked.tryLock();
        } catch (IOException e) {
          throw new TokenStoreException("Cannot lock " + lockFile + " for the refresh of " + what, e);
        }
        return lock == null ? null : new FileLease(clientId, orgId, locked, lock, permit);
      });
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      permit.release();
      if (e instanceof TokenStoreException) {
        throw (TokenStoreException) e;
      }
      throw new TokenStoreException("Cannot lock " + lockFile + " for the refresh of " + what, e);
    }
  }

  /** Loads and saves while the lock is held; closing releases the lock, then the in-process permit. */
  private final class FileLease implements RefreshLease {
    private final String clientId;
    private final String orgId;
    private final FileChannel channel;
    private final FileLock lock;
    private final Semaphore permit;
    private boolean released;

    FileLease(String clientId, String orgId, FileChannel channel, FileLock lock, Semaphore permit) {
      this.clientId = clientId;
      this.orgId = orgId;
      this.channel = channel;
      this.lock = lock;
      this.permit = permit;
    }

    @Override
    public @Nullable OrgToken load() {
      return FileTokenStore.this.load(clientId, orgId);
    }

    @Override
    public void save(OrgToken token) {
      if (released || !lock.isValid()) {
        throw new TokenStoreException("The refresh lease of org " + orgId + " was released; the token was not saved");
      }
      FileTokenStore.this.save(token);
    }

    @Override
    public void close() {
      if (released) {
        return;
      }
      released = true;
      try {
        lock.release();
      } catch (IOException | RuntimeException e) {
        // closing the channel below releases it too
      }
      closeQuietly(channel);
      permit.release();
    }

    @Override
    public String toString() {
      return "FileLease{org " + orgId + ", " + directory + '}';
    }
  }

  private static void closeQuietly(@Nullable FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing was written through it
      }
    }
  }

  /** Makes the rename durable; file systems that cannot open a directory (Windows) make it durable on their own. */
  private void syncDirectory() {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.log(System.Logger.Level.DEBUG, "Cannot flush directory {0}: {1}", directory, e.getClass().getSimpleName());
    }
  }

  private void createDirectory() throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    if (POSIX) {
      FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(OWNER_DIR);
      Files.createDirectories(directory, attr);
    } else {
      Files.createDirectories(directory);
    }
  }

  private static String fingerprint(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        hex.append(String.format("%02x", d[i]));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  @Override
  public String toString() {
    return "FileTokenStore{" + directory + '}';
  }
}
