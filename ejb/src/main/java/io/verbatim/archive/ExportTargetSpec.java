package io.verbatim.archive;

import java.util.List;

/**
 * An export target as an administrator describes it. {@code kind}: {@code sftp} or {@code s3}. SFTP: {@code host},
 * {@code port} (22), {@code hostKey} (as in known_hosts), {@code location} (the folder), {@code username} and
 * {@code password} or {@code privateKey}. S3: {@code endpoint} (empty: AWS), {@code region}, {@code location}
 * ({@code bucket/prefix}), {@code username} (access key id) and {@code secretKey}. Optional: {@code nameTemplate},
 * {@code timeZone}, {@code metadataItems}, the filters ({@code owners}, {@code groups}, {@code direction} in, out or
 * internal, {@code recordedFrom} and {@code recordedUntil} as dates), {@code deleteAfterExport}, {@code dailyAt} (HH:mm).
 */
public record ExportTargetSpec(String name, String kind, String host, Integer port, String hostKey, String endpoint, String region,
                               String location, String username, String password, String privateKey, String secretKey,
                               String nameTemplate, String timeZone, List<String> metadataItems, List<String> owners,
                               List<String> groups, String direction, String recordedFrom, String recordedUntil,
                               Boolean deleteAfterExport, String dailyAt) {

    /** Never the password or keys, wherever a record is printed. */
    @Override
    public String toString() {
        return "ExportTargetSpec[" + name + ", " + kind + ", " + host + ", " + location + ", " + username + "]";
    }
}
