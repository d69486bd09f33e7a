package io.github.zohokit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.github.zohokit.processor.DiagnosticsTest.compile;
import static io.github.zohokit.processor.DiagnosticsTest.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Binary answers ({@code byte[]}, {@code InputStream}, {@code ZohoDownload}) and multipart {@code @Part}s. */
class BinaryBodiesProcessingTest {
  private static final JavaFileObject FILES = source("com.example.crm.FilesApi",
      "package com.example.crm;",
      "import io.github.zohokit.FilePart;",
      "import io.github.zohokit.ZohoDownload;",
      "import io.github.zohokit.ZohoResponse;",
      "import io.github.zohokit.annotation.*;",
      "import java.io.InputStream;",
      "import java.util.Optional;",
      "import java.util.concurrent.CompletableFuture;",
      "@ZohoScope(\"ZohoCRM.bulk.READ\")",
      "public interface FilesApi {",
      "  @Get(\"/crm/bulk/v8/read/{job_id}/result\") InputStream stream(@Path(\"job_id\") String id);",
      "  @Get(\"/crm/bulk/v8/read/{job_id}/result\") byte[] bytes(@Path(\"job_id\") String id);",
      "  @Get(\"/crm/bulk/v8/read/{job_id}/result\") ZohoDownload download(@Path(\"job_id\") String id,",
      "      @Header(\"If-Modified-Since\") String since);",
      "  @Get(\"/crm/bulk/v8/read/{job_id}/result\") Optional<byte[]> maybe(@Path(\"job_id\") String id);",
      "  @Get(\"/crm/bulk/v8/read/{job_id}/result\") CompletableFuture<byte[]> later(@Path(\"job_id\") String id);",
      "  @Get(\"/crm/bulk/v8/read/{job_id}/result\") ZohoResponse<byte[]> full(@Path(\"job_id\") String id);",
      "  @Post(\"/crm/v8/upload\") @ZohoScope({\"ZohoFiles.files.ALL\", \"ZohoCRM.bulk.CREATE\"})",
      "  String upload(@Part(\"file\") java.nio.file.Path file, @Header(\"feature\") String feature,",
      "      @Header(\"X-CRM-ORG\") String org);",
      "  @Post(\"/crm/v8/upload\") @ZohoScope({\"ZohoFiles.files.ALL\", \"ZohoCRM.bulk.CREATE\"})",
      "  String uploadAll(@Part(\"file\") byte[] a, @Part(\"file\") InputStream b, @Part(\"file\") FilePart c,",
      "      @Part(\"note\") String note, @Part(\"count\") int count, @Part(\"flag\") Boolean flag);",
      "}");

  /** {@code interface Api} in package {@code test} around {@code body}; annotations, java.util, java.io imported. */
  private static JavaFileObject api(String... body) {
    List<String> lines = new ArrayList<>(List.of("package test;", "import io.github.zohokit.annotation.*;",
        "import java.util.*;", "import java.io.*;", "interface Api {"));
    lines.addAll(List.of(body));
    lines.add("}");
    return source("test.Api", lines.toArray(new String[0]));
  }

  @Test
  void binaryReturnsAndPartsCompileWithoutWarnings() throws Exception {
    Compilation c = compile(FILES);
    assertThat(c).succeededWithoutWarnings();
    String code = c.generatedSourceFile("com.example.crm.ZohoFilesApi").get().getCharContent(true).toString()
        .replaceAll("\n\\s*", "");   // JavaPoet wraps long chains
    assertThat(code)
        .contains("return this.calls.start(STREAM).path(\"job_id\", id).fetchStream();")
        .contains("return this.calls.start(BYTES).path(\"job_id\", id).fetch(Decoder.bytes());")
        .contains("return this.calls.start(DOWNLOAD).path(\"job_id\", id).header(\"If-Modified-Since\", since)"
            + ".fetchDownload();")
        .contains(".fetchOptional(Decoder.bytes());")
        .contains(".fetchAsync(Decoder.bytes());")
        .contains(".fetchResponse(Decoder.bytes());")
        .contains("return this.calls.start(UPLOAD).header(\"feature\", feature).header(\"X-CRM-ORG\", org)"
            + ".part(\"file\", file).fetch(Decoder.text());")
        .contains(".part(\"file\", a).part(\"file\", b).part(\"file\", c).textPart(\"note\", note)"
            + ".textPart(\"count\", count).textPart(\"flag\", flag)")
        .doesNotContain("reflect")
        .doesNotContain("getMethod");
  }

  @Test
  void aPartOnAGetIsAnError() {
    JavaFileObject api = api("  @Get(\"/crm/v8/Leads\") @ZohoScope(\"ZohoCRM.modules.leads.READ\")",
        "  String list(@Part(\"file\") byte[] file);");
    assertThat(compile(api)).hadErrorContaining("list() is a GET and cannot send a @Part; multipart uploads need "
        + "@Post/@Put/@Patch").inFile(api).onLine(7);
  }

  @Test
  void aPartOnADeleteIsAnError() {
    assertThat(compile(api("  @Delete(\"/crm/v8/Leads\") @ZohoScope(\"ZohoCRM.modules.leads.DELETE\")",
        "  void remove(@Part(\"note\") String note);"))).hadErrorContaining("remove() is a DELETE and cannot send a "
        + "@Part");
  }

  @Test
  void aBodyTogetherWithAPartIsAnError() {
    JavaFileObject api = api("  @Post(\"/crm/v8/Leads\") @ZohoScope(\"ZohoCRM.modules.leads.CREATE\")",
        "  String create(@Body List<String> leads,",
        "      @Part(\"file\") byte[] file);");
    assertThat(compile(api)).hadErrorContaining("create() has a @Body ('leads') and @Part parameters ('file'); a "
        + "request sends either a JSON body or a multipart form").inFile(api).onLine(8);
  }

  @Test
  void anUnsupportedPartTypeIsAnError() {
    JavaFileObject api = api("  @Post(\"/crm/v8/upload\") @ZohoScope(\"ZohoCRM.bulk.CREATE\")",
        "  String upload(@Part(\"file\") List<String> lines);");
    assertThat(compile(api)).hadErrorContaining("@Part parameter 'lines' of upload() has the type "
        + "java.util.List<java.lang.String>, which cannot be sent as a part; use Path, byte[], InputStream or "
        + "FilePart for a file, or a String, number, boolean or enum for a text field").inFile(api).onLine(7);
  }

  @Test
  void aPartWithoutANameIsAnError() {
    assertThat(compile(api("  @Post(\"/crm/v8/upload\") @ZohoScope(\"ZohoCRM.bulk.CREATE\")",
        "  String upload(@Part(\" \") byte[] file);"))).hadErrorContaining("@Part on 'file' of upload() has no "
        + "name; name the form field Zoho reads, for example @Part(\"file\")");
  }

  @Test
  void aPartWithAnotherAnnotationIsAnError() {
    assertThat(compile(api("  @Post(\"/crm/v8/upload\") @ZohoScope(\"ZohoCRM.bulk.CREATE\")",
        "  String upload(@Part(\"file\") @Query(\"file\") String file);"))).hadErrorContaining("parameter 'file' "
        + "of upload() has several; annotate it with exactly one of @Path, @Query, @Header or @Body (or @Part for "
        + "a part of a multipart upload)");
  }

  @Test
  void aStreamInsideAWrapperIsAnError() {
    JavaFileObject api = api("  @Get(\"/crm/bulk/v8/read/{id}/result\") @ZohoScope(\"ZohoCRM.bulk.READ\")",
        "  Optional<InputStream> result(@Path(\"id\") String id);");
    assertThat(compile(api)).hadErrorContaining("result() returns java.util.Optional<java.io.InputStream>, but a "
        + "streamed body is returned only as InputStream or ZohoDownload itself, which the caller closes; return "
        + "ZohoDownload for the status and headers (204 and 304 come with an empty body), or byte[] inside "
        + "Optional<...> to read the whole body").inFile(api).onLine(7);
  }

  @Test
  void aDownloadInsideAFutureIsAnError() {
    assertThat(compile(api("  @Get(\"/crm/bulk/v8/read/{id}/result\") @ZohoScope(\"ZohoCRM.bulk.READ\")",
        "  java.util.concurrent.CompletableFuture<io.github.zohokit.ZohoDownload> result(@Path(\"id\") String id);")))
        .hadErrorContaining("but a streamed body is returned only as InputStream or ZohoDownload itself");
  }

  @Test
  void anInputStreamSubtypeIsAnError() {
    assertThat(compile(api("  @Get(\"/crm/bulk/v8/read/{id}/result\") @ZohoScope(\"ZohoCRM.bulk.READ\")",
        "  ByteArrayInputStream result(@Path(\"id\") String id);")))
        .hadErrorContaining("result() returns java.io.ByteArrayInputStream, but a streamed body is returned only "
            + "as InputStream or ZohoDownload itself, which the caller closes; return ZohoDownload for the status "
            + "and headers (204 and 304 come with an empty body)");
  }

  @Test
  void otherArraysAreStillUnsupported() {
    assertThat(compile(api("  @Get(\"/crm/v8/Leads\") @ZohoScope(\"ZohoCRM.modules.leads.READ\")",
        "  int[] ids();"))).hadErrorContaining("ids() returns int[], which a Zoho client cannot return. "
        + "Supported: void");
  }
}
