package org.cpr.disclosure.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.cpr.disclosure.LedgerEntry;

/** Packs a released set into bytes for the JDBC ledger, plus a digest to skip duplicates. */
final class LedgerCodec {

    private LedgerCodec() {
    }

    static byte[] encode(LedgerEntry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(entry.units().size());
            for (LedgerEntry.UnitWeight u : entry.units()) {
                out.writeUTF(u.unit());
                out.writeLong(u.count());
                out.writeLong(u.positives());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<LedgerEntry.UnitWeight> decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int size = in.readInt();
            List<LedgerEntry.UnitWeight> units = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                units.add(new LedgerEntry.UnitWeight(in.readUTF(), in.readLong(), in.readLong()));
            }
            return units;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String digest(String channel, byte[] units) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(channel.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(units));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
