package vn.qms.doccontrol.platform.mongo;

import java.nio.file.Path;

/**
 * The embedded MongoDB's data file exists but cannot be used as it is. The file has been left
 * untouched: the application refuses to start rather than start on an empty or older store.
 */
public class EmbeddedDataFileException extends IllegalStateException {

    private final transient Path dataFile;

    public EmbeddedDataFileException(Path dataFile, String reason, Throwable cause) {
        super("Refusing to start: the embedded MongoDB data file " + dataFile.toAbsolutePath() + " cannot be used: "
                + reason + ". The file was left untouched; restore it from a backup, or move it away to start "
                + "with an empty database.", cause);
        this.dataFile = dataFile;
    }

    public Path dataFile() {
        return dataFile;
    }
}
