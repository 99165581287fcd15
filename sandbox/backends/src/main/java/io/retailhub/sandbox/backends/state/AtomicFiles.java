package io.retailhub.sandbox.backends.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file so that a crash at any moment, of the JVM or of the machine, leaves either the
 * old content or the new one, never a mixture: the new content goes to a temporary file beside
 * it, is forced to disk, and is renamed over the old file; then the directory is forced, so the
 * rename itself is on disk.
 */
final class AtomicFiles {

	private AtomicFiles() {
	}

	static void write(Path file, byte[] content) throws IOException {
		Path directory = file.toAbsolutePath().getParent();
		Path temporary = directory.resolve(file.getFileName() + ".tmp");
		try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			ByteBuffer buffer = ByteBuffer.wrap(content);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
			channel.force(true);
		}
		Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		forceDirectory(directory);
	}

	/** Makes a rename in the directory durable; a platform that cannot open a directory keeps it as it can. */
	private static void forceDirectory(Path directory) {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// not every platform opens directories (Windows does not): the rename stands, durable or not
		}
	}
}
