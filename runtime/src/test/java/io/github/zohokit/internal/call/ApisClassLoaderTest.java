package io.github.zohokit.internal.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.internal.session.Authorization;
import io.github.zohokit.internal.session.Session;
import io.github.zohokit.internal.session.UserObjects;
import java.io.File;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application whose generated APIs were looked up is redeployed (a Spring DevTools restart, an application server
 * redeploy): once the application drops its class loader, zohokit's API registry does not keep it alive.
 */
class ApisClassLoaderTest {
  @TempDir Path classes;

  @Test
  void aClassLoaderWhoseApisWereLookedUpIsCollectedOnceDropped() throws Exception {
    compileApplication();
    WeakReference<ClassLoader> dropped = useApplicationAndDropIt();

    List<byte[]> pressure = new ArrayList<>();
    for (int i = 0; i < 50 && dropped.get() != null; i++) {
      System.gc();
      pressure.add(new byte[1 << 20]);   // a little allocation so that a lazy collector runs
      if (pressure.size() > 16) {
        pressure.clear();
      }
      Thread.sleep(20);
    }
    assertThat(dropped.get()).as("the application's class loader after it was dropped and the heap collected")
        .isNull();
  }

  /** Loads the application, looks up and uses its generated API through {@link Apis}, then forgets the loader. */
  private WeakReference<ClassLoader> useApplicationAndDropIt() throws Exception {
    URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, Apis.class.getClassLoader());
    Class<?> api = loader.loadClass("com.example.app.PingApi");
    assertThat(Apis.interfaces(loader)).containsExactly(api);
    Object generated = Apis.create(api, new ZohoCalls(new OkHttpClient(), new ObjectMapper(), new NoSession()));
    assertThat(generated.getClass().getName()).isEqualTo("com.example.app.ZohoPingApi");
    assertThat(api.getMethod("ping").invoke(generated)).isEqualTo("pong");
    loader.close();
    return new WeakReference<>(loader);
  }

  /** A generated API, its registry and the services entry, as the processor writes them, compiled into classes/. */
  private void compileApplication() throws IOException {
    Path sources = Files.createTempDirectory(classes.getParent(), "sources");
    Path pkg = Files.createDirectories(sources.resolve("com/example/app"));
    Files.writeString(pkg.resolve("PingApi.java"),
        "package com.example.app;\npublic interface PingApi { String ping(); }\n");
    Files.writeString(pkg.resolve("ZohoPingApi.java"), "package com.example.app;\n"
        + "public final class ZohoPingApi implements PingApi {\n"
        + "  public ZohoPingApi(io.github.zohokit.internal.call.ZohoCalls calls) {}\n"
        + "  public String ping() { return \"pong\"; }\n"
        + "}\n");
    Files.writeString(pkg.resolve("ZohoApiRegistry.java"), "package com.example.app;\n"
        + "public final class ZohoApiRegistry implements io.github.zohokit.internal.call.ApiRegistry {\n"
        + "  @Override public void register(Registrar apis) { apis.add(PingApi.class, ZohoPingApi::new); }\n"
        + "}\n");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, null, "-proc:none", "-d", classes.toString(),
        "-classpath", System.getProperty("java.class.path"),
        pkg.resolve("PingApi.java").toString(), pkg.resolve("ZohoPingApi.java").toString(),
        pkg.resolve("ZohoApiRegistry.java").toString());
    assertThat(status).isZero();
    Path services = Files.createDirectories(classes.resolve("META-INF/services"));
    Files.writeString(services.resolve(ApiRegistry.class.getName()), "com.example.app.ZohoApiRegistry\n",
        StandardCharsets.UTF_8);
    assertThat(new File(classes.toFile(), "com/example/app/PingApi.class")).exists();
  }

  /** A session nothing calls: the test API sends no request. */
  private static final class NoSession implements Session {
    private final UserObjects objects = new UserObjects();

    @Override
    public String userKey() {
      return "nobody";
    }

    @Override
    public UserObjects objects() {
      return objects;
    }

    @Override
    public Authorization authorization() {
      throw new AssertionError("no call is made");
    }

    @Override
    public Authorization rejected(Authorization rejected) {
      throw new AssertionError("no call is made");
    }
  }
}
