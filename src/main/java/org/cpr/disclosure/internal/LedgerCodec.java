package org.cpr.disclosure.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.cpr.disclosure.LedgerEntry;
import org.cpr.shared.Digests;

/**
 * Packs a released set into bytes for the JDBC ledger, plus a digest to skip duplicates.
 */
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
		}
		catch (IOException e) {
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
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String digest(String channel, byte[] units) {
		return Digests.sha256Hex(channel.getBytes(java.nio.charset.StandardCharsets.UTF_8), new byte[] { 0 }, units);
	}

}
