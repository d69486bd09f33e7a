package io.github.zohokit.sync;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A bulk job's result as a fuzz input: after a first line {@code csv}, a CSV text the target zips as Zoho does (one
 * entry, {@code <job id>.csv}), so the fuzzer works on the CSV; after a first line {@code zip}, the ZIP's own bytes.
 */
final class BulkResultInput {
  static final String JOB = "111111000000541001";

  private BulkResultInput() {}

  static InputStream of(byte[] input) {
    int newline = indexOf(input, (byte) '\n');
    String mode = new String(input, 0, newline < 0 ? input.length : newline, StandardCharsets.UTF_8).trim();
    byte[] rest = newline < 0 ? new byte[0] : Arrays.copyOfRange(input, newline + 1, input.length);
    return new ByteArrayInputStream(mode.equals("zip") ? rest : zip(rest));
  }

  private static byte[] zip(byte[] csv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(JOB + ".csv"));
      zip.write(csv);
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
