package io.github.zohokit.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.zohokit.bench.records.Lead;
import io.github.zohokit.crm.RecordPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading one page of 200 leads (the per-call benchmark's page: ~90 KB of Zoho's JSON, with its {@code $}-keys) into
 * the record {@code zoho:generate-records} wrote from bench/src/main/zoho/schema ({@link Lead}: picklist value type,
 * user reference, datetimes keeping their offset, unknown properties kept in {@code otherFields}) and into the
 * hand-written record with the same fields ({@link HandLead}: unknown properties ignored; and
 * {@link HandLeadKeepingUnknown}: kept, as the generated record keeps them), with one mapper, from the same bytes.
 * Throughput; run with {@code -prof gc} for the allocation per page.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(2)
public class GeneratedRecordsBenchmark {
  private byte[] page;
  private ObjectReader generated;
  private ObjectReader handWritten;
  private ObjectReader handWrittenKeepingUnknown;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    page = LeadsPageServer.page(200).getBytes(StandardCharsets.UTF_8);
    // what a hand-written OffsetDateTime needs: the Java time module, offsets kept as sent
    ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    generated = mapper.readerFor(new TypeReference<RecordPage<Lead>>() { });
    handWritten = mapper.readerFor(new TypeReference<RecordPage<HandLead>>() { });
    handWrittenKeepingUnknown = mapper.readerFor(new TypeReference<RecordPage<HandLeadKeepingUnknown>>() { });
    RecordPage<Lead> g = generated.readValue(page);
    RecordPage<HandLead> h = handWritten.readValue(page);
    if (g.data().size() != 200 || h.data().size() != 200
        || !g.data().get(7).createdTime().equals(h.data().get(7).createdTime())
        || !g.data().get(7).leadSource().value().equals(h.data().get(7).leadSource())
        || !g.data().get(7).owner().email().equals(h.data().get(7).owner().email())) {
      throw new IllegalStateException("the two records do not read the same page alike");
    }
  }

  @Benchmark
  public RecordPage<Lead> generatedLead() throws IOException {
    return generated.readValue(page);
  }

  @Benchmark
  public RecordPage<HandLead> handWrittenLead() throws IOException {
    return handWritten.readValue(page);
  }

  @Benchmark
  public RecordPage<HandLeadKeepingUnknown> handWrittenLeadKeepingUnknown() throws IOException {
    return handWrittenKeepingUnknown.readValue(page);
  }
}
